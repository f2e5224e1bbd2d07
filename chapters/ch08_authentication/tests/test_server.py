"""실제 uvicorn 프로세스의 챕터 8: 환경 변수의 첫 관리자, 동시 가입, SQL 로그의 비밀 값.

오버라이드 없이 운영처럼 환경 변수만 줍니다. 서버를 다시 켜는 테스트는 ``test_restart.py``에.
"""

from pathlib import Path
from uuid import uuid4

import pytest

from shared.testing import Solution, post_at_once, sql_logging

from .live import log_in, me, register_and_login, serve
from .support import PASSWORD, TEST_SECRET_KEY, bearer, readable_detail

RACERS = 8  # requests sent at the same moment


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
    with serve(solution, tmp_path, "server.log", **env) as (_, client):
        user_token = register_and_login(client, "alice")
        admin_token = log_in(client, "boss")
        users = client.get("/admin/users", headers=bearer(admin_token))
        refused = client.get("/admin/users", headers=bearer(user_token))
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
    with serve(solution, tmp_path, "server.log", **env) as (server, client):
        answers = post_at_once(server, "/users", bodies)
        # A create answering 200 is test_users.py's to grade: here one success, seven 409s.
        codes = [200 if answer.status_code == 201 else answer.status_code for answer in answers]
        assert sorted(codes) == [200] + [409] * (RACERS - 1), (codes, server.output[-4000:])

        later = client.post("/users", json=bodies[0])
        assert later.status_code == 409
        assert readable_detail(later)
        losers = [answer for answer in answers if answer.status_code == 409]
        assert all(answer.json() == later.json() for answer in losers)

        winner, loser = codes.index(200), codes.index(409)
        for password, expected in ((passwords[winner], 200), (passwords[loser], 401)):
            form = {"username": username, "password": password}
            response = client.post("/login", data=form)
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
    with serve(solution, tmp_path, "server.log", **env) as (server, client):
        answers = post_at_once(
            server, "/users", [{"username": username, "password": p} for p in passwords]
        )
        winner = [a.status_code in (200, 201) for a in answers].index(True)
        # A duplicate sent alone: the database refuses its INSERT.
        client.post("/users", json={"username": username, "password": passwords[0]})
        login = client.post("/login", data={"username": username, "password": passwords[winner]})
        token = login.json()["access_token"]
        assert me(client, token).status_code == 200
    log = server.output
    assert "INSERT INTO users" in log, "SQL logging should have shown the statements"
    assert "$argon2" not in log
    assert token not in log
    leaked = [p for p in [admin_password, *passwords] if p in log]
    assert leaked == [], f"passwords in the log: {leaked}"
