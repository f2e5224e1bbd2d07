"""The real-server helpers: readiness polling, failure output, graceful and hard stops."""

import sys
import textwrap
from pathlib import Path

import httpx
import pytest

from shared.testing import free_port, run_server, wait_until

# A tiny HTTP server that optionally ignores SIGTERM, to exercise both ways of stopping.
SERVER = textwrap.dedent(
    """
    import http.server, signal, sys
    if sys.argv[2] == "stubborn":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    print("serving", flush=True)
    handler = http.server.SimpleHTTPRequestHandler
    http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), handler).serve_forever()
    """
)


def server_command(tmp_path: Path, port: int, mode: str = "polite") -> list[str]:
    script = tmp_path / "server.py"
    script.write_text(SERVER, encoding="utf-8")
    return [sys.executable, str(script), str(port), mode]


def test_wait_until_returns_the_first_truthy_value() -> None:
    answers = iter([None, 0, "ready"])
    assert wait_until(lambda: next(answers), timeout=5, interval=0) == "ready"


def test_wait_until_gives_up_after_its_deadline() -> None:
    with pytest.raises(TimeoutError, match=r"the moon not reached within 0\.1s"):
        wait_until(lambda: False, timeout=0.1, interval=0.01, what="the moon")


def test_free_ports_are_bindable_numbers() -> None:
    assert 1024 <= free_port() <= 65535


def test_server_is_ready_then_stopped_gracefully(tmp_path: Path) -> None:
    port = free_port()
    command = server_command(tmp_path, port)
    with run_server(
        command, log_path=tmp_path / "log", port=port, ready_path="/", cwd=tmp_path
    ) as server:
        assert httpx.get(server.url + "/").status_code == 200
        assert "serving" in server.output
    assert server.process.returncode is not None


def test_server_that_ignores_sigterm_is_killed(tmp_path: Path) -> None:
    port = free_port()
    command = server_command(tmp_path, port, "stubborn")
    with run_server(
        command, log_path=tmp_path / "log", port=port, ready_path="/", cwd=tmp_path
    ) as server:
        server.stop(timeout=0.5)
        assert server.process.returncode == -9  # SIGKILL after SIGTERM was ignored


def test_server_that_dies_at_start_reports_its_output(tmp_path: Path) -> None:
    command = [sys.executable, "-c", "print('config is wrong'); raise SystemExit(3)"]
    with (
        pytest.raises(RuntimeError, match=r"exited with code 3(.|\n)*config is wrong"),
        run_server(command, log_path=tmp_path / "log", port=free_port()),
    ):
        pass  # pragma: no cover - never reached
