"""챕터 1: README의 다른 실행 방법, `fastapi run <파일>`으로 띄운 진짜 서버에서 앱이 돈다."""

import shutil
import sys
from pathlib import Path

import httpx
import pytest

from shared.testing import Solution, free_port, run_server


@pytest.mark.timeout(120)
def test_fastapi_cli_serves_the_app(solution: Solution, tmp_path: Path) -> None:
    """`fastapi run <파일>`로 띄운 앱이 `GET /`에 답한다.

    ``fastapi dev``는 여기에 자동 재시작을 더한 것이고, CLI는 파일 안에서 ``app``을 스스로 찾는다.
    """
    cli = shutil.which("fastapi", path=str(Path(sys.executable).parent))
    assert cli, "fastapi-cli is a runtime dependency; its command should be installed"
    port = free_port()
    command = [cli, "run", solution.__file__, "--host", "127.0.0.1", "--port", str(port)]
    log_path = tmp_path / "fastapi.log"
    with run_server(command, env=solution.pythonpath, log_path=log_path, port=port) as server:
        response = httpx.get(f"{server.url}/")
    assert response.status_code == 200
    assert "message" in response.json()
