"""Chapter 10's two task backends side by side: 500 notifications, from the first request to
the last mail accepted by the SMTP server, through

* ``background``: BackgroundTasks in the one uvicorn process (``SMTP_MAX_CONNECTIONS`` threads);
* ``celery``, 1 worker, and ``celery``, 2 workers: a Celery job per notification on a real Redis
  server, sent by worker processes of ``WORKER_CONCURRENCY`` threads each;

first on SQLite (the default), then on a real PostgreSQL server (``initdb`` + ``postgres`` of
its own, skipped without one) with 1, 2 and 4 workers sharing it: the scale-out past one host
that SQLite cannot give. "202/s" is the web process's own throughput on each database.

The SMTP server holds every message ``SMTP_DELAY`` seconds, as a remote relay takes time to
answer: the time is spent waiting, so the figure shows how many deliveries run at once, not
how fast this machine's cores are. Every notification must reach the server exactly once and
end ``sent``; a run that loses or repeats one fails.

    nox -s bench -- bench/bench_task_backends.py
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from bench_background import app_env, close_sink, post_all, smtp_sink
from timing import ROOT, machine, print_table

from shared.testing import run_celery_worker, run_redis_server, run_uvicorn, wait_until
from shared.testing.postgres import (
    NOT_INSTALLED,
    PostgresServer,
    find_postgres_bin,
    run_postgres_server,
)

PACKAGE = "chapters.ch10_background_tasks_and_testing.app.main"
NOTIFICATIONS, CONCURRENCY = 500, 50
SMTP_DELAY = 0.2  # seconds per message at the SMTP server: a remote relay, not loopback
WORKER_CONCURRENCY = 4  # threads per Celery worker; the same as the background's thread pool
# (backend, worker processes, database)
SETUPS = [("background", 0, "sqlite"), ("celery", 1, "sqlite"), ("celery", 2, "sqlite")]
PG_SETUPS = [("background", 0, "postgresql")] + [("celery", n, "postgresql") for n in (1, 2, 4)]


@contextlib.contextmanager
def deployed(
    backend: str, workers: int, folder: Path, smtp_port: int, database_url: str | None
) -> Iterator[str]:
    """The app with ``backend`` and its worker processes; yields the web process's URL."""
    env = app_env(folder, smtp_port) | ({"DATABASE_URL": database_url} if database_url else {})
    env |= {
        "SMTP_MAX_CONNECTIONS": str(WORKER_CONCURRENCY),
        "TASK_BACKEND": backend,
    }
    with contextlib.ExitStack() as processes:
        if backend == "celery":
            env["CELERY_BROKER_URL"] = processes.enter_context(run_redis_server(folder)).url
            for n in range(workers):
                processes.enter_context(
                    run_celery_worker(
                        f"{PACKAGE}:celery_app",
                        log_path=folder / f"worker{n}.log",
                        env=env,
                        name=f"worker{n}",
                        concurrency=WORKER_CONCURRENCY,
                        cwd=ROOT,
                        timeout=120,
                    )
                )
        web = processes.enter_context(
            run_uvicorn(
                f"{PACKAGE}:app", log_path=folder / "web.log", env=env, cwd=ROOT, timeout=120
            )
        )
        yield web.url


def throughput(backend: str, workers: int, folder: Path, database_url: str | None) -> dict:
    addresses = [f"{backend}-{workers}-{n}@example.com" for n in range(NOTIFICATIONS)]
    with (
        smtp_sink(SMTP_DELAY) as (port, sink),
        deployed(backend, workers, folder, port, database_url) as url,
    ):
        started_at = time.time()
        ids = [i for _, i in asyncio.run(post_all(url, addresses, CONCURRENCY))]
        answered = time.time() - started_at

        def all_sent() -> bool:
            with httpx.Client(base_url=url, timeout=30) as client:
                return all(
                    client.get(f"/notifications/{i}").json()["status"] == "sent" for i in ids
                )

        wait_until(all_sent, timeout=600, interval=1, what="every notification sent")
        report = close_sink(sink)
    if sorted(report["recipients"]) != sorted(addresses):
        raise SystemExit(f"{backend} x{workers}: mails lost or repeated")
    delivered = report["last"] - started_at
    return {"answered": answered, "delivered": delivered, "rate": NOTIFICATIONS / delivered}


def postgres() -> contextlib.AbstractContextManager[PostgresServer | None]:
    """A PostgreSQL server of the benchmark's own, or ``None`` where none is installed."""
    if find_postgres_bin() is None:
        print(f"PostgreSQL rows left out: {NOT_INSTALLED}")
        return contextlib.nullcontext()
    return run_postgres_server()


def main() -> None:
    print(f"chapter 10 task backends on {machine()}")
    if shutil.which("redis-server") is None:
        raise SystemExit("redis-server is not installed (apt-get install redis-server)")
    results = {}
    with tempfile.TemporaryDirectory() as tmp, postgres() as pg:
        setups = SETUPS + (PG_SETUPS if pg is not None else [])
        for backend, workers, database in setups:
            folder = Path(tmp) / f"{backend}-{workers}-{database}"
            folder.mkdir()
            url = (
                pg.create_database(folder.name.replace("-", "_"))
                if pg is not None and (database == "postgresql")
                else None
            )
            results[backend, workers, database] = throughput(backend, workers, folder, url)
    baseline = results["background", 0, "sqlite"]["rate"]
    rows = [
        [
            database,
            backend if backend == "background" else f"celery, {workers} worker(s)",
            str(max(workers, 1) * WORKER_CONCURRENCY),
            f"{r['answered']:.2f}",
            f"{NOTIFICATIONS / r['answered']:.0f}",
            f"{r['delivered']:.2f}",
            f"{r['rate']:.0f}",
            f"{r['rate'] / baseline:.2f}",
        ]
        for (backend, workers, database), r in results.items()
    ]
    print_table(
        f"{NOTIFICATIONS} notifications at concurrency {CONCURRENCY}, SMTP server holds each "
        f"{SMTP_DELAY * 1000:.0f} ms; each delivered exactly once",
        [
            "database",
            "backend",
            "at once",
            "all 202 (s)",
            "202/s",
            "last mail (s)",
            "mails/s",
            "x background",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
