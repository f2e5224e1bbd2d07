"""A real uvicorn process on a free loopback port, for tests where a real server is the point.

``TestClient`` runs the app in the test's own process and waits for background tasks; a real
server does neither. Tests of timing, restarts or "does ``uvicorn`` start this app" use this.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx

T = TypeVar("T")


def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until(
    predicate: Callable[[], T], timeout: float, interval: float = 0.05, what: str = "condition"
) -> T:
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} not reached within {timeout:g}s")
        time.sleep(interval)


@dataclass
class RunningProcess:
    """A process started for a test: its ``Popen`` and its combined output so far."""

    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def kill(self) -> None:
        """SIGKILL: the process dies at once, as in a crash (no shutdown, no cleanup)."""
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self, timeout: float = 5) -> None:
        """SIGTERM and wait: servers shut down gracefully (coverage data gets written).

        A server still serving a hung request (a learner's endpoint that sleeps) never ends
        its graceful shutdown: after ``timeout`` seconds it is killed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.kill()
            except BaseException:  # interrupted while waiting (a hung test's time limit):
                self.process.kill()  # never leave the process running
                raise


@dataclass
class ServerProcess(RunningProcess):
    """A running HTTP server: its process, its output, and its base URL."""

    url: str = ""


def _listening(url: str) -> bool:
    """Something accepts TCP connections at ``url``'s host and port (a cheap first check)."""
    host, _, port = url.removeprefix("http://").rpartition(":")
    try:
        socket.create_connection((host, int(port)), timeout=1).close()
    except OSError:
        return False
    return True


def _answers(url: str, path: str) -> bool:
    # An httpx request costs tens of milliseconds of CPU (a client and its SSL context) that a
    # server still importing its app on the same cores would wait for: poll the port first.
    if not _listening(url):
        return False
    try:
        # Plain HTTP on loopback: no TLS to verify, and loading the CA bundle for every poll
        # costs 20 ms of CPU, taken from the server that is starting on a busy machine.
        return httpx.get(url + path, timeout=1, verify=False).status_code < 500  # noqa: S501
    except httpx.TransportError:
        return False


@contextlib.contextmanager
def run_process(
    command: Sequence[str],
    *,
    log_path: Path,
    ready: Callable[[RunningProcess], bool],
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
    what: str = "process",
    user: str | None = None,
) -> Iterator[RunningProcess]:
    """Start ``command`` (as ``user``, if given), wait until ``ready(process)`` holds, stop it
    (SIGTERM) after.

    A process that exits before it is ready fails the wait at once; its output is then part of
    the error, as it is after ``timeout`` seconds.
    """
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            list(command),
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=cwd,
            env={**os.environ, **(env or {})},
            user=user,
        )
    running = RunningProcess(process, log_path)

    def exited_or_ready() -> bool:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode} before it was ready")
        return ready(running)

    try:
        try:
            wait_until(exited_or_ready, timeout, what=f"{what} ready")
        except (TimeoutError, RuntimeError) as exc:
            raise RuntimeError(f"{exc}; its output:\n{running.output}") from exc
        yield running
    finally:
        running.stop()


@contextlib.contextmanager
def run_server(
    command: Sequence[str],
    *,
    log_path: Path,
    port: int,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    ready_path: str = "/openapi.json",
    timeout: float = 60,
) -> Iterator[ServerProcess]:
    """Start ``command`` (which must listen on ``port``), wait until it answers, stop it after."""
    url = f"http://127.0.0.1:{port}"
    with run_process(
        command,
        log_path=log_path,
        ready=lambda _running: _answers(url, ready_path),
        env=env,
        cwd=cwd,
        timeout=timeout,
        what=url,
    ) as running:
        server = ServerProcess(running.process, running.log_path, url)
        yield server


def uvicorn_command(app: str, port: int, *extra: str) -> list[str]:
    """``python -m uvicorn module:attr`` on loopback, with this interpreter."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        app,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        *extra,
    ]


@contextlib.contextmanager
def run_uvicorn(
    app: str,
    *,
    log_path: Path,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    ready_path: str = "/openapi.json",
    port: int | None = None,
    timeout: float = 60,
) -> Iterator[ServerProcess]:
    """A uvicorn process serving ``app`` (``"package.module:app"``) on a free loopback port.

    ``timeout``: seconds to wait for it to answer (an app that does work at import or
    startup on a loaded machine may need more than the default).
    """
    port = port or free_port()
    with run_server(
        uvicorn_command(app, port),
        log_path=log_path,
        port=port,
        env=env,
        cwd=cwd,
        ready_path=ready_path,
        timeout=timeout,
    ) as server:
        yield server


def sql_logging(tmp_path: Path) -> dict[str, str]:
    """The environment of a uvicorn that logs every SQL statement (``sqlalchemy.engine`` INFO),
    as someone tracking a bug down would turn it on (``--log-config``, here by its variable)."""
    config = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
        "root": {"level": "INFO", "handlers": ["console"]},
        "loggers": {"sqlalchemy.engine": {"level": "INFO"}},
    }
    path = tmp_path / "logging.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return {"UVICORN_LOG_CONFIG": str(path)}


def post_at_once(
    server: ServerProcess, path: str, bodies: Sequence[Any], warm_up: str = "/openapi.json"
) -> list[httpx.Response]:
    """POST each body from a thread and client of its own, all released together by a barrier.

    Each client first opens its connection with ``GET warm_up``, so that the requests leave at
    the same moment (real concurrency, not one after another)."""
    barrier = threading.Barrier(len(bodies))

    def send(body: Any) -> httpx.Response:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            client.get(warm_up)  # connect now, not after the barrier
            barrier.wait(timeout=30)
            return client.post(path, json=body)

    with ThreadPoolExecutor(max_workers=len(bodies)) as pool:
        return list(pool.map(send, bodies))
