"""A real Redis broker and real Celery workers for tests, each a process of its own.

Jobs that outlive the web process are tested with the parts that keep them: ``redis-server``
on a free loopback port (no persistence, its files in the test's folder) and ``celery worker``
processes that can be stopped, or killed mid-job as in a crash.

Redis is a system program, not a Python package: where it is missing, ``redis_server_path``
skips the test with the command that installs it, except under ``CI=true``, where a missing
Redis is a broken machine and the test fails.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from .servers import RunningProcess, free_port, run_process

INSTALL_HINT = "apt-get install redis-server (Debian, Ubuntu) or brew install redis (macOS)"


def redis_server_path() -> str:
    """The ``redis-server`` executable; skips the calling test without one (fails under CI)."""
    path = shutil.which("redis-server")
    if path is None:
        reason = f"redis-server is not installed: {INSTALL_HINT}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}. CI=true: CI must run the Celery tests, not skip them")
        pytest.skip(reason)
    return path


@dataclass
class RedisServer(RunningProcess):
    """A running ``redis-server``; ``url`` is a broker URL for it (database 0)."""

    port: int = 0

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


def answers_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


@contextlib.contextmanager
def run_redis_server(folder: Path, *, timeout: float = 30) -> Iterator[RedisServer]:
    """``redis-server`` on a free loopback port, in memory only; stopped on exit."""
    port = free_port()
    command = [
        redis_server_path(),
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",  # no snapshots: a test's broker lives as long as the test
        "--appendonly",
        "no",
        "--dir",
        str(folder),
    ]
    with run_process(
        command,
        log_path=folder / f"redis-{port}.log",
        ready=lambda _running: answers_ping(port),
        timeout=timeout,
        what=f"redis-server on port {port}",
    ) as running:
        yield RedisServer(running.process, running.log_path, port)


def celery_worker_command(app: str, name: str, concurrency: int) -> list[str]:
    """``celery worker`` for ``app`` (``"module:attr"``), with this interpreter.

    A thread pool: the worker is one process, so killing it kills its jobs (and coverage sees
    the job code). No gossip, mingle or heartbeat: workers in a test need not know each other,
    and mingle alone costs a second at every start.
    """
    return [
        sys.executable,
        "-m",
        "celery",
        "--app",
        app,
        "worker",
        "--pool",
        "threads",
        "--concurrency",
        str(concurrency),
        "--hostname",
        f"{name}@%h",
        "--loglevel",
        "INFO",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]


def worker_ready(running: RunningProcess) -> bool:
    return " ready." in running.output  # celery logs "<name>@<host> ready." once consuming


@contextlib.contextmanager
def run_celery_worker(
    app: str,
    *,
    log_path: Path,
    env: Mapping[str, str] | None = None,
    name: str = "worker",
    concurrency: int = 8,
    cwd: Path | None = None,
    timeout: float = 60,
) -> Iterator[RunningProcess]:
    """A Celery worker consuming for ``app``; stopped with SIGTERM (a warm shutdown: it finishes
    the jobs it runs) on exit, unless the test killed it."""
    with run_process(
        celery_worker_command(app, name, concurrency),
        log_path=log_path,
        ready=worker_ready,
        env=env,
        cwd=cwd,
        timeout=timeout,
        what=f"celery worker {name}",
    ) as worker:
        yield worker
