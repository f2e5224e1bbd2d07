"""실제 uvicorn 프로세스를 다시 켜는 챕터 8: 디스크의 SQLite와 서명 키는 재시작 뒤에 어떻게 되나.

오버라이드 없이 운영처럼 환경 변수만 줍니다. 같은 키라면 토큰이 살아남고, 키가 없으면 죽습니다.
"""

import time
from pathlib import Path

import jwt
import pytest

from shared.testing import Solution

from .live import log_in, me, register_and_login, serve
from .support import PASSWORD, TEST_SECRET_KEY


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
    with serve(solution, tmp_path, "first.log", **env) as (_, client):
        token = register_and_login(client, "alice")
        assert me(client, token).json()["username"] == "alice"
    assert database.is_file()
    claims = jwt.decode(token, TEST_SECRET_KEY, algorithms=["HS256"])
    assert claims["sub"] == "alice"
    assert claims["exp"] <= time.time() + 3 * 60 + 1

    with serve(solution, tmp_path, "second.log", **env) as (_, client):
        assert me(client, token).status_code == 200  # same key: the old token still works
        assert me(client, log_in(client, "alice")).status_code == 200
        assert me(client, log_in(client, "boss")).status_code == 200
        again = client.post("/users", json={"username": "alice", "password": PASSWORD})
        assert again.status_code == 409


@pytest.mark.points(2)
@pytest.mark.timeout(180)
def test_without_secret_key_tokens_die_with_the_process(
    solution: Solution, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`SECRET_KEY` 없이 켠 서버는 경고를 남기고, 다시 켜면 예전 토큰이 401이 된다."""
    monkeypatch.delenv("SECRET_KEY", raising=False)
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'users.db'}"}
    with serve(solution, tmp_path, "first.log", **env) as (server, client):
        token = register_and_login(client, "alice")
        assert me(client, token).status_code == 200
    assert "SECRET_KEY" in server.output  # the warning was logged
    with serve(solution, tmp_path, "second.log", **env) as (_, client):
        response = me(client, token)  # a new process, a new random key
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert me(client, log_in(client, "alice")).status_code == 200
