"""Isolation cost: what each test pays for a database of its own, chapter 7's two ways and
chapter 10's, measured side by side (medians of 5 batches).

- ch07 fresh: a new in-memory SQLite database (StaticPool) per test, tables created.
- ch07 rollback: one database per worker; each test runs in a transaction rolled back after.
- ch10 file: a new SQLite file in a temporary folder per test, tables created (what chapter
  10's ``test_engine`` fixture does: its background tasks open sessions of their own, which a
  single rolled-back connection could not give them).

    nox -s bench -- bench/bench_isolation.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, insert, select
from sqlalchemy.orm import sessionmaker
from timing import machine, print_table

from chapters.ch07_database.app.main import Base as Ch07Base
from chapters.ch07_database.tests.databases import RollbackDatabase, TestDatabase, fresh_database
from chapters.ch10_background_tasks_and_testing.app.main import Base as Ch10Base

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 500


def per_test_ms(run_one: Callable[[], None], runs: int = RUNS) -> float:
    """Median milliseconds per call over 5 batches of ``runs // 5`` calls."""
    batches = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(runs // 5):
            run_one()
        batches.append((time.perf_counter() - start) * 1000 / (runs // 5))
    return statistics.median(batches)


def ch07_work(database: TestDatabase) -> None:
    items = Ch07Base.metadata.tables["items"]
    with database.sessions() as session:
        session.execute(
            insert(items), [{"name": "연필", "price": 500}, {"name": "공책", "price": 2}]
        )
        session.commit()
    assert database.count() == 2


def ch10_test(folder: Path, work: bool) -> Callable[[], None]:
    counter = iter(range(10**9))
    items = Ch10Base.metadata.tables["items"]

    def one() -> None:
        engine = create_engine(f"sqlite:///{folder / f'{next(counter)}.db'}")
        Ch10Base.metadata.create_all(engine)
        if work:
            with sessionmaker(bind=engine)() as session:
                session.execute(
                    insert(items), [{"name": "연필", "price": 500}, {"name": "공책", "price": 2}]
                )
                session.commit()
                assert len(session.execute(select(items)).all()) == 2
        engine.dispose()

    return one


def main() -> None:
    print(f"database isolation cost per test on {machine()}, {RUNS} tests each")
    start = time.perf_counter()
    shared = RollbackDatabase(Ch07Base.metadata)
    once_ms = (time.perf_counter() - start) * 1000

    def fresh(work: Callable[[TestDatabase], None]) -> Callable[[], None]:
        def one() -> None:
            with fresh_database(Ch07Base.metadata) as database:
                work(database)

        return one

    def rollback(work: Callable[[TestDatabase], None]) -> Callable[[], None]:
        def one() -> None:
            with shared.transaction() as database:
                work(database)

        return one

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, work, ch07 in [
            ("setup + teardown", False, lambda _db: None),
            ("+ 2 inserts and a read", True, ch07_work),
        ]:
            folder = Path(tmp) / label.replace(" ", "_")
            folder.mkdir()
            costs = [
                per_test_ms(rollback(ch07)),
                per_test_ms(fresh(ch07)),
                per_test_ms(ch10_test(folder, work)),
            ]
            rows.append(
                [label, *(f"{c:.2f}" for c in costs), *(f"{c / costs[0]:.1f}x" for c in costs[1:])]
            )
    shared.dispose()
    print_table(
        f"ms per test (ch07 rollback also pays {once_ms:.1f} ms once per worker)",
        [
            "per test",
            "ch07 rollback",
            "ch07 fresh :memory:",
            "ch10 fresh file",
            "fresh/rollback",
            "file/rollback",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
