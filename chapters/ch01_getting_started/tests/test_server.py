"""Chapter 1: the app runs under a real server, started the two ways the README shows."""

import shutil
import sys
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from shared.testing import free_port, run_server, run_uvicorn


@pytest.mark.points(2)
def test_uvicorn_serves_the_app(solution: ModuleType, tmp_path: Path) -> None:
    with run_uvicorn(f"{solution.__name__}:app", log_path=tmp_path / "uvicorn.log") as server:
        response = httpx.get(f"{server.url}/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_fastapi_cli_serves_the_app(solution: ModuleType, tmp_path: Path) -> None:
    """``fastapi run <file>`` (``fastapi dev`` is the same with reload) finds ``app`` itself."""
    cli = shutil.which("fastapi", path=str(Path(sys.executable).parent))
    assert cli, "fastapi-cli is a runtime dependency; its command should be installed"
    port = free_port()
    command = [cli, "run", solution.__file__, "--host", "127.0.0.1", "--port", str(port)]
    with run_server(command, log_path=tmp_path / "fastapi.log", port=port) as server:
        response = httpx.get(f"{server.url}/")
    assert response.status_code == 200
    assert "message" in response.json()
