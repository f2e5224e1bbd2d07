"""A real PostgreSQL server for tests: ``initdb`` and ``postgres`` on a free loopback port.

``python -m shared.testing.postgres COMMAND...`` runs COMMAND with such a server in
``TEST_DATABASE_URL`` (``nox -s postgres``): the database chapters' suites then make each test
database on it (``server_database``) instead of SQLite.

PostgreSQL is a system program (Debian's ``postgresql`` package): where it is missing,
``postgres_bin`` skips the calling test with the command that installs it, except under
``CI=true``, where it fails. ``initdb`` refuses to run as root, so under root the server runs
as the ``postgres`` user, in a folder of its own under the system temporary folder (pytest's
``tmp_path`` is readable by root only). Trust authentication on 127.0.0.1: a test server.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .servers import RunningProcess, free_port, run_process

INSTALL_HINT = "apt-get install postgresql (Debian, Ubuntu) or brew install postgresql (macOS)"


def find_postgres_bin() -> Path | None:
    """The folder of ``initdb`` and ``postgres``, or ``None`` where PostgreSQL is not installed."""
    found = shutil.which("initdb")
    candidates = [found] if found else []
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    for candidate in candidates:
        folder = Path(candidate).resolve().parent
        if (folder / "postgres").exists():
            return folder
    return None


NOT_INSTALLED = f"PostgreSQL is not installed: {INSTALL_HINT}"
CI_MUST_RUN = f"{NOT_INSTALLED}. CI=true: CI must run the PostgreSQL tests, not skip them"


def postgres_bin() -> Path:
    """``find_postgres_bin`` for a test: skips it without PostgreSQL (fails under CI)."""
    folder = find_postgres_bin()
    if folder is not None:
        return folder
    if os.environ.get("CI") == "true":
        pytest.fail(CI_MUST_RUN)
    pytest.skip(NOT_INSTALLED)


def create_database(server_url: str, name: str) -> str:
    """A new empty database ``name`` on the server of ``server_url``; its URL."""
    import psycopg

    with psycopg.connect(server_url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # a name of the caller's own making
    return server_url.rsplit("/", 1)[0] + "/" + name


@dataclass
class PostgresServer(RunningProcess):
    """A running PostgreSQL; ``url(name)`` is a SQLAlchemy URL for one of its databases."""

    port: int = 0

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database; its URL."""
        return create_database(self.url(), name)


def accepts_connections(port: int) -> bool:
    import psycopg

    try:
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", connect_timeout=2):
            return True
    except psycopg.OperationalError:
        return False


@contextlib.contextmanager
def run_postgres_server(*, timeout: float = 60) -> Iterator[PostgresServer]:
    """A fresh cluster (``initdb``) served on a free loopback port; stopped and removed on exit."""
    bin_folder = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="pg-test-"))
    user = "postgres" if os.geteuid() == 0 else None
    if user:
        shutil.chown(folder, user, user)
    data = folder / "data"
    initdb = [str(bin_folder / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
    try:
        subprocess.run(
            [*initdb, "-E", "UTF8", "--locale=C", "--no-sync"],
            check=True,
            capture_output=True,
            user=user,
            env={**os.environ, "LC_ALL": "C"},
        )
        port = free_port()
        command = [
            str(bin_folder / "postgres"),
            *("-D", str(data), "-p", str(port), "-h", "127.0.0.1", "-k", str(folder)),
            # A test server: no crash safety needed, and room for several apps' pools.
            *("-c", "fsync=off", "-c", "max_connections=200"),
        ]
        with run_process(
            command,
            log_path=folder / "postgres.log",
            ready=lambda _running: accepts_connections(port),
            timeout=timeout,
            what=f"PostgreSQL on port {port}",
            user=user,
        ) as running:
            yield PostgresServer(running.process, running.log_path, port)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


SERVER_ENV = "TEST_DATABASE_URL"


def server_database() -> str | None:
    """A new empty database on the server of ``TEST_DATABASE_URL``, or ``None`` without one."""
    server = os.environ.get(SERVER_ENV)
    return create_database(server, f"test_{uuid.uuid4().hex[:16]}") if server else None


def main(command: list[str]) -> int:
    """Run ``command`` with a fresh server in ``TEST_DATABASE_URL``; its exit code."""
    if not command:
        print("usage: python -m shared.testing.postgres COMMAND...", file=sys.stderr)
        return 2
    if find_postgres_bin() is None:  # nothing to run on: a skip, an error under CI=true
        if os.environ.get("CI") == "true":
            print(f"error: {CI_MUST_RUN}", file=sys.stderr)
            return 1
        print(f"skipped: {NOT_INSTALLED}", file=sys.stderr)
        return 0
    with run_postgres_server() as server:
        print(f"PostgreSQL for the test databases: {server.url()}", flush=True)
        return subprocess.run(command, env={**os.environ, SERVER_ENV: server.url()}).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
