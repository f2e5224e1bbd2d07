"""Chapter 8 on a real uvicorn process: settings from the environment, SQLite on disk, restarts.

No overrides here: the server reads SECRET_KEY, DATABASE_URL, ACCESS_TOKEN_EXPIRE_MINUTES and
FIRST_ADMIN_* from its environment, as in production.
"""

import time
from pathlib import Path

import httpx
import jwt
import pytest

from shared.testing import ServerProcess, Solution, run_uvicorn

from .support import PASSWORD, TEST_SECRET_KEY, bearer


def serve(solution: Solution, tmp_path: Path, log_name: str, **env: str):
    """A real uvicorn on the graded solution, in ``tmp_path`` (a relative database lands there)."""
    return run_uvicorn(
        solution.target,
        log_path=tmp_path / log_name,
        env={**solution.pythonpath, **env},
        cwd=tmp_path,
    )


def register_and_login(server: ServerProcess, username: str) -> str:
    created = httpx.post(
        f"{server.url}/users", json={"username": username, "password": PASSWORD}, timeout=10
    )
    assert created.status_code == 201, created.text
    return log_in(server, username)


def log_in(server: ServerProcess, username: str) -> str:
    response = httpx.post(
        f"{server.url}/login", data={"username": username, "password": PASSWORD}, timeout=10
    )
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def me(server: ServerProcess, token: str) -> httpx.Response:
    return httpx.get(f"{server.url}/users/me", headers=bearer(token), timeout=10)


@pytest.mark.points(3)
@pytest.mark.timeout(180)
def test_users_and_tokens_survive_a_restart(solution: Solution, tmp_path: Path) -> None:
    """실제 서버를 다시 켜도 (같은 키라면) 사용자와 토큰이 살아 있고, 첫 관리자는 한 번만 생긴다.

    The database file appears in folders that did not exist."""
    database = tmp_path / "not-yet" / "data" / "users.db"  # its folders do not exist yet
    env = {
        "SECRET_KEY": TEST_SECRET_KEY,
        "DATABASE_URL": f"sqlite:///{database}",
        "ACCESS_TOKEN_EXPIRE_MINUTES": "3",
        "FIRST_ADMIN_USERNAME": "boss",  # created by the first start only
        "FIRST_ADMIN_PASSWORD": PASSWORD,
    }
    with serve(solution, tmp_path, "first.log", **env) as server:
        token = register_and_login(server, "alice")
        assert me(server, token).json()["username"] == "alice"
    assert database.is_file()
    claims = jwt.decode(token, TEST_SECRET_KEY, algorithms=["HS256"])
    assert claims["sub"] == "alice"
    assert claims["exp"] <= time.time() + 3 * 60 + 1

    with serve(solution, tmp_path, "second.log", **env) as server:
        assert me(server, token).status_code == 200  # same key: the old token still works
        assert me(server, log_in(server, "alice")).status_code == 200
        assert me(server, log_in(server, "boss")).status_code == 200
        again = httpx.post(
            f"{server.url}/users", json={"username": "alice", "password": PASSWORD}, timeout=10
        )
        assert again.status_code == 409


@pytest.mark.points(2)
@pytest.mark.timeout(180)
def test_without_secret_key_tokens_die_with_the_process(
    solution: Solution, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`SECRET_KEY` 없이 켠 서버는 경고를 남기고, 다시 켜면 예전 토큰이 401이 된다."""
    monkeypatch.delenv("SECRET_KEY", raising=False)
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'users.db'}"}
    with serve(solution, tmp_path, "first.log", **env) as server:
        token = register_and_login(server, "alice")
        assert me(server, token).status_code == 200
    assert "SECRET_KEY" in server.output  # the warning was logged
    with serve(solution, tmp_path, "second.log", **env) as server:
        response = me(server, token)  # a new process, a new random key
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert me(server, log_in(server, "alice")).status_code == 200


@pytest.mark.points(2)
@pytest.mark.timeout(120)
def test_first_admin_from_the_environment_reaches_the_admin_routes(
    solution: Solution, tmp_path: Path
) -> None:
    """환경 변수로 만든 첫 관리자는 `/admin/users`를 보고, 보통 사용자는 403을 받는다."""
    env = {
        "SECRET_KEY": TEST_SECRET_KEY,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'users.db'}",
        "FIRST_ADMIN_USERNAME": "boss",
        "FIRST_ADMIN_PASSWORD": PASSWORD,
    }
    with serve(solution, tmp_path, "server.log", **env) as server:
        user_token = register_and_login(server, "alice")
        admin_token = log_in(server, "boss")
        users = httpx.get(f"{server.url}/admin/users", headers=bearer(admin_token), timeout=10)
        refused = httpx.get(f"{server.url}/admin/users", headers=bearer(user_token), timeout=10)
    assert users.status_code == 200
    assert {(u["username"], u["role"]) for u in users.json()} == {
        ("boss", "admin"),
        ("alice", "user"),
    }
    assert refused.status_code == 403
