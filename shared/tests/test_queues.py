"""The Redis and Celery helpers: a broker that answers, a clear skip or failure without Redis,
and a worker that cannot start reports why."""

import socket
from pathlib import Path

import pytest

from shared.testing import redis_server_path, run_celery_worker, run_redis_server


def ping(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16)


def test_redis_server_answers_on_its_port_then_stops(tmp_path: Path) -> None:
    with run_redis_server(tmp_path) as redis:
        assert redis.url == f"redis://127.0.0.1:{redis.port}/0"
        assert ping(redis.port) == b"+PONG\r\n"
    assert redis.process.returncode is not None  # stopped on exit
    with pytest.raises(ConnectionRefusedError):
        ping(redis.port)


@pytest.fixture
def no_redis_on_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no redis-server anywhere


def test_without_redis_a_test_skips_with_the_install_command(
    no_redis_on_path: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install redis-server"):
        redis_server_path()


def test_without_redis_under_ci_a_test_fails(
    no_redis_on_path: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        redis_server_path()


def test_a_worker_that_cannot_start_reports_its_output(tmp_path: Path) -> None:
    with (
        pytest.raises(RuntimeError, match=r"exited with code(.|\n)*no_such_module"),
        run_celery_worker("no_such_module:celery_app", log_path=tmp_path / "worker.log"),
    ):
        pass  # pragma: no cover - the worker never becomes ready
