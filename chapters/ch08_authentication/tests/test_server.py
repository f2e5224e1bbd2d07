"""실제 uvicorn 프로세스의 챕터 8: 환경 변수의 설정, 디스크의 SQLite, 재시작.

오버라이드 없이 운영처럼 환경 변수만 줍니다. 동시 가입과 SQL 로그의 비밀 값도 확인합니다.
"""

import json
import time
from pathlib import Path
from uuid import uuid4

import httpx
import jwt
import pytest

from shared.testing import ServerProcess, Solution, post_at_once, run_uvicorn

from .support import PASSWORD, TEST_SECRET_KEY, bearer, readable_detail

RACERS = 8  # requests sent at the same moment


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
    assert created.status_code in (200, 201), created.text  # the 201 is test_users.py's
    return log_in(server, username)


def log_in(server: ServerProcess, username: str) -> str:
    response = httpx.post(
        f"{server.url}/login", data={"username": username, "password": PASSWORD}, timeout=10
    )
    assert response.status_code == 200, response.text
    return response.json()["access_token"]


def me(server: ServerProcess, token: str) -> httpx.Response:
    return httpx.get(f"{server.url}/users/me", headers=bearer(token), timeout=10)


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


@pytest.mark.points(2)
@pytest.mark.timeout(180)
def test_simultaneous_registrations_of_one_name_give_one_201_and_409s(
    solution: Solution, tmp_path: Path
) -> None:
    """같은 아이디로 동시에 보낸 가입 8개는 성공 하나와 409 일곱이고, 5xx는 없다.

    The burst is also the database's first use. The losers get the chapter's usual 409 (the
    same ``detail`` as a duplicate sent later); the winner's password logs in, a loser's not."""
    env = {"SECRET_KEY": TEST_SECRET_KEY, "DATABASE_URL": f"sqlite:///{tmp_path / 'users.db'}"}
    username = f"alice_{uuid4().hex[:8]}"
    passwords = [f"{PASSWORD}-{n}" for n in range(RACERS)]
    bodies = [{"username": username, "password": p} for p in passwords]
    with serve(solution, tmp_path, "server.log", **env) as server:
        answers = post_at_once(server, "/users", bodies)
        # A create answering 200 is test_users.py's to grade: here one success, seven 409s.
        codes = [200 if answer.status_code == 201 else answer.status_code for answer in answers]
        assert sorted(codes) == [200] + [409] * (RACERS - 1), (codes, server.output[-4000:])

        later = httpx.post(f"{server.url}/users", json=bodies[0], timeout=10)
        assert later.status_code == 409
        assert readable_detail(later)
        losers = [answer for answer in answers if answer.status_code == 409]
        assert all(answer.json() == later.json() for answer in losers)

        winner, loser = codes.index(200), codes.index(409)
        for password, expected in ((passwords[winner], 200), (passwords[loser], 401)):
            form = {"username": username, "password": password}
            response = httpx.post(f"{server.url}/login", data=form, timeout=30)
            assert response.status_code == expected


@pytest.mark.points(2)
@pytest.mark.timeout(180)
def test_logs_show_no_password_hash_or_token(solution: Solution, tmp_path: Path) -> None:
    """SQL 로그를 켜도, 거부된 INSERT가 있어도 로그에 비밀번호, 해시, 토큰은 나오지 않는다.

    The engine hides parameters (``hide_parameters=True``): the log shows the statements of the
    first admin's creation, the racing registrations (those the constraint refused too), a
    login and ``/users/me``, but none of the passwords, no ``$argon2`` hash, no token."""
    admin_password = f"admin-{uuid4().hex}"
    env = {
        "SECRET_KEY": TEST_SECRET_KEY,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'users.db'}",
        "FIRST_ADMIN_USERNAME": "boss",
        "FIRST_ADMIN_PASSWORD": admin_password,
        **sql_logging(tmp_path),
    }
    username = f"alice_{uuid4().hex[:8]}"
    passwords = [f"secret-{uuid4().hex}" for _ in range(RACERS)]
    with serve(solution, tmp_path, "server.log", **env) as server:
        answers = post_at_once(
            server, "/users", [{"username": username, "password": p} for p in passwords]
        )
        winner = [a.status_code in (200, 201) for a in answers].index(True)
        # A duplicate sent alone: the database refuses its INSERT.
        httpx.post(
            f"{server.url}/users",
            json={"username": username, "password": passwords[0]},
            timeout=10,
        )
        login = httpx.post(
            f"{server.url}/login",
            data={"username": username, "password": passwords[winner]},
            timeout=30,
        )
        token = login.json()["access_token"]
        assert me(server, token).status_code == 200
    log = server.output
    assert "INSERT INTO users" in log, "SQL logging should have shown the statements"
    assert "$argon2" not in log
    assert token not in log
    leaked = [p for p in [admin_password, *passwords] if p in log]
    assert leaked == [], f"passwords in the log: {leaked}"
