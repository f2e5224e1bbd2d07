"""챕터 1: 진짜 `uvicorn` 프로세스로 띄운 서버에서 앱이 돈다(`fastapi run`은 ``test_cli.py``)."""

from pathlib import Path

import httpx
import pytest

from shared.testing import Solution, run_uvicorn


@pytest.mark.timeout(120)
@pytest.mark.points(2)
def test_uvicorn_serves_the_app(solution: Solution, tmp_path: Path) -> None:
    """진짜 `uvicorn` 프로세스로 띄운 앱이 `GET /health`에 `200`으로 답한다.

    본문은 ``test_main.py::test_health_check_reports_ok``가 채점합니다: 본문이 틀린 헬스 체크가
    서버 테스트의 점수까지 잃지 않습니다.
    """
    log_path = tmp_path / "uvicorn.log"
    with run_uvicorn(solution.target, env=solution.pythonpath, log_path=log_path) as server:
        response = httpx.get(f"{server.url}/health")
    assert response.status_code == 200
