"""실제 uvicorn 프로세스를 띄우는 도구: 풀이의 서버와 그 클라이언트, 가입과 로그인.

``test_server.py``와 ``test_restart.py``가 함께 씁니다. 오버라이드 없이 운영처럼 환경 변수만 줍니다.
"""

import contextlib
from collections.abc import Iterator
from pathlib import Path

import httpx

from shared.testing import ServerProcess, Solution, run_uvicorn_cheap_argon2

from .support import PASSWORD, bearer

# Our reference's hashing: its servers hash at the cheapest argon2 cost, as the in-process tests
# do (a learner's server, which does not import it, keeps its own).
SECURITY = f"{__package__.rpartition('.')[0]}.app.security"


@contextlib.contextmanager
def serve(
    solution: Solution, tmp_path: Path, log_name: str, **env: str
) -> Iterator[tuple[ServerProcess, httpx.Client]]:
    """A real uvicorn on the graded solution, in ``tmp_path`` (a relative database lands there),
    and one client for it (a client per request would cost more CPU than the requests)."""
    with (
        run_uvicorn_cheap_argon2(
            SECURITY,
            solution.target,
            log_path=tmp_path / log_name,
            env={**solution.pythonpath, **env},
            cwd=tmp_path,
        ) as server,
        httpx.Client(base_url=server.url, timeout=30) as client,
    ):
        yield server, client


def register_and_login(client: httpx.Client, username: str) -> str:
    created = client.post("/users", json={"username": username, "password": PASSWORD})
    assert created.status_code in (200, 201), created.text  # the 201 is test_users.py's
    return log_in(client, username)


def log_in(client: httpx.Client, username: str) -> str:
    response = client.post("/login", data={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def me(client: httpx.Client, token: str) -> httpx.Response:
    return client.get("/users/me", headers=bearer(token))
