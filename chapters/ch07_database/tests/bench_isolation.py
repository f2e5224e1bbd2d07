"""Time the two per-test isolation strategies of ``databases.py`` (not collected by pytest).

    python -m chapters.ch07_database.tests.bench_isolation [runs]

Each "test" is one strategy's setup and teardown, alone and around the work a typical test
here does (two inserts committed through a session, then a count). Prints medians per test.
"""

import statistics
import sys
import time
from collections.abc import Callable

from sqlalchemy import insert

from ..app.main import Base
from .databases import RollbackDatabase, TestDatabase, fresh_database


def workload(database: TestDatabase) -> None:
    items = Base.metadata.tables["items"]
    with database.sessions() as session:
        session.execute(
            insert(items), [{"name": "연필", "price": 500}, {"name": "공책", "price": 2000}]
        )
        session.commit()
    assert database.count() == 2


def per_test_ms(run_one: Callable[[], None], runs: int) -> float:
    """Median milliseconds of ``runs`` calls, in 5 batches (the median smooths out noise)."""
    batches = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(runs // 5):
            run_one()
        batches.append((time.perf_counter() - start) * 1000 / (runs // 5))
    return statistics.median(batches)


def main(runs: int = 1000) -> None:
    start = time.perf_counter()
    shared = RollbackDatabase(Base.metadata)
    once_ms = (time.perf_counter() - start) * 1000

    def fresh(work: Callable[[TestDatabase], None]) -> Callable[[], None]:
        def one() -> None:
            with fresh_database(Base.metadata) as database:
                work(database)

        return one

    def rollback(work: Callable[[TestDatabase], None]) -> Callable[[], None]:
        def one() -> None:
            with shared.transaction() as database:
                work(database)

        return one

    print(f"median per test over {runs} tests (rollback: +{once_ms:.1f} ms once per worker)")
    for label, work in [("setup + teardown only", lambda _db: None), ("with 2 inserts", workload)]:
        fresh_ms = per_test_ms(fresh(work), runs)
        rollback_ms = per_test_ms(rollback(work), runs)
        ratio = fresh_ms / rollback_ms
        print(
            f"  {label:22} fresh {fresh_ms:7.3f} ms   rollback {rollback_ms:7.3f} ms   "
            f"fresh/rollback = {ratio:.1f}"
        )
    shared.dispose()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
