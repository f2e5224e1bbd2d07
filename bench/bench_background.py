"""Chapter 10 under a real uvicorn process: the response never waits for the mail.

1. Background latency: p50 and p99 of ``POST /send-notification`` while the SMTP server holds
   every message D seconds, for D=0 and D=3. Target: p99(D=3) <= 1.2 x p99(D=0).
2. Load without loss: 500 notifications at concurrency 50 (D=0); each must reach the SMTP
   server exactly once and end ``sent``. Reports requests/s and when the last mail arrived.

    nox -s bench -- bench/bench_background.py
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from timing import ROOT, machine, print_table

from shared.testing import run_uvicorn, wait_until

APP = "chapters.ch10_background_tasks_and_testing.app.main:app"
LATENCY_REQUESTS, LATENCY_CONCURRENCY = 300, 10
LOAD_REQUESTS, LOAD_CONCURRENCY = 500, 50


@contextlib.contextmanager
def smtp_sink(delay: float) -> Iterator[tuple[int, subprocess.Popen]]:
    """The sink process and its port; its report is read by ``close_sink``."""
    sink = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "smtp_sink.py"), str(delay)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        yield int(sink.stdout.readline()), sink
    finally:
        if sink.poll() is None:
            sink.kill()


def close_sink(sink: subprocess.Popen) -> dict:
    sink.stdin.close()
    report = json.loads(sink.stdout.readline())
    sink.wait(timeout=30)
    return report


def app_env(folder: Path, smtp_port: int) -> dict[str, str]:
    """Chapter 10's environment: its files in ``folder``, its mail to the sink on ``smtp_port``."""
    return {
        "DATABASE_URL": f"sqlite:///{folder / 'bench.db'}",
        "AUDIT_LOG_PATH": str(folder / "audit.log"),
        "UPLOAD_DIR": str(folder / "uploads"),
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp_port),
        "SECRET_KEY": "bench-" + "k" * 40,
    }


@contextlib.contextmanager
def server(folder: Path, smtp_port: int) -> Iterator[str]:
    env = app_env(folder, smtp_port)
    with run_uvicorn(APP, log_path=folder / "uvicorn.log", env=env, cwd=ROOT, timeout=120) as s:
        yield s.url
        s.kill()  # do not wait for held deliveries: what they do next is not measured here


async def post_all(url: str, addresses: list[str], concurrency: int) -> list[tuple[float, int]]:
    """(seconds, notification id) of each POST, ``concurrency`` at a time."""
    limit = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:

        async def one(address: str) -> tuple[float, int]:
            async with limit:
                start = time.perf_counter()
                response = await client.post("/send-notification", params={"email": address})
                elapsed = time.perf_counter() - start
            if response.status_code != 202:
                raise SystemExit(f"{address}: {response.status_code} {response.text}")
            return elapsed, response.json()["id"]

        return await asyncio.gather(*(one(a) for a in addresses))


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def latency(delay: float, folder: Path) -> tuple[float, float]:
    with smtp_sink(delay) as (port, sink), server(folder, port) as url:
        addresses = [f"lat-{delay:g}-{n}@example.com" for n in range(LATENCY_REQUESTS)]
        asyncio.run(post_all(url, addresses[:20], 10))  # warm-up, not measured
        times = [t for t, _ in asyncio.run(post_all(url, addresses[20:], LATENCY_CONCURRENCY))]
        close_sink(sink)
    return percentile(times, 50) * 1000, percentile(times, 99) * 1000


def load(folder: Path) -> list[list[str]]:
    with smtp_sink(0) as (port, sink), server(folder, port) as url:
        addresses = [f"load-{n}@example.com" for n in range(LOAD_REQUESTS)]
        start = time.perf_counter()
        started_at = time.time()
        results = asyncio.run(post_all(url, addresses, LOAD_CONCURRENCY))
        elapsed = time.perf_counter() - start
        ids = [i for _, i in results]

        def all_sent() -> bool:
            with httpx.Client(base_url=url, timeout=30) as client:
                statuses = [client.get(f"/notifications/{i}").json()["status"] for i in ids]
            return all(s == "sent" for s in statuses)

        wait_until(all_sent, timeout=300, interval=1, what="every notification sent")
        report = close_sink(sink)
    received = report["recipients"]
    exactly_once = sorted(received) == sorted(addresses)
    return [
        ["notifications", str(LOAD_REQUESTS)],
        ["concurrency", str(LOAD_CONCURRENCY)],
        ["requests/s", f"{LOAD_REQUESTS / elapsed:.0f}"],
        ["all answered after (s)", f"{elapsed:.2f}"],
        ["last mail arrived after (s)", f"{report['last'] - started_at:.2f}"],
        ["mails received", str(len(received))],
        ["each exactly once, all sent", "yes" if exactly_once else "NO"],
    ]


def main() -> None:
    print(f"chapter 10 background work on {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        folders = [Path(tmp) / name for name in ("d0", "d3", "load")]
        for folder in folders:
            folder.mkdir()
        p50_0, p99_0 = latency(0, folders[0])
        p50_3, p99_3 = latency(3, folders[1])
        load_rows = load(folders[2])
    print_table(
        f"POST /send-notification latency ({LATENCY_REQUESTS - 20} requests, "
        f"concurrency {LATENCY_CONCURRENCY})",
        ["SMTP delay", "p50 ms", "p99 ms", "p99 / p99(D=0)", "target"],
        [
            ["D=0 s", f"{p50_0:.1f}", f"{p99_0:.1f}", "1.00", ""],
            ["D=3 s", f"{p50_3:.1f}", f"{p99_3:.1f}", f"{p99_3 / p99_0:.2f}", "<= 1.20"],
        ],
    )
    print_table("load without loss (D=0)", ["figure", "value"], load_rows)


if __name__ == "__main__":
    main()
