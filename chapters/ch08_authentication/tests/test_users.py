"""챕터 8: 회원 가입 — 공개 필드만 담은 201, 해시로 저장한 비밀번호, 저장하지 않는 409와 422."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, Table, select

from .support import PASSWORD, readable_detail


def stored_hash(engine: Engine, users: Table, username: str) -> str:
    with engine.connect() as connection:
        return connection.scalar(
            select(users.c.hashed_password).where(users.c.username == username)
        )


@pytest.mark.points(2)
def test_register_answers_201_with_public_fields_only(
    client: TestClient, stored_users: Callable[[int], None], name: Callable[..., str]
) -> None:
    """`POST /users`는 201과 id, 아이디, 역할 `user`만 돌려준다 (비밀번호도 해시도 없이)."""
    response = client.post("/users", json={"username": name(), "password": PASSWORD})
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "username", "role"}  # no password, no hash
    assert body["username"] == name()
    assert body["role"] == "user"
    assert isinstance(body["id"], int)
    stored_users(1)


@pytest.mark.points(2)
def test_password_is_stored_as_a_salted_argon2_hash(
    engine: Engine, users_table: Table, register: Callable[..., dict], name: Callable[..., str]
) -> None:
    """비밀번호는 argon2id 해시로만 저장되고, 같은 비밀번호도 해시가 다르다 (salt).

    Reads the test database's ``users`` table: needs ``get_db`` and ``Base``."""
    register(name("alice"))
    register(name("bob"))  # the same password
    alice, bob = (stored_hash(engine, users_table, name(n)) for n in ("alice", "bob"))
    assert alice.startswith("$argon2id$")
    assert PASSWORD not in alice
    assert alice != bob  # a random salt per hash: equal passwords do not look equal


@pytest.mark.points(2)
def test_duplicate_username_is_409_and_keeps_the_first_user(
    client: TestClient,
    register: Callable[..., dict],
    stored_users: Callable[[int], None],
    name: Callable[..., str],
) -> None:
    """이미 있는 아이디로 가입하면 409이고, 처음 사용자의 비밀번호가 그대로 통한다."""
    register(name())
    response = client.post("/users", json={"username": name(), "password": "another-password"})
    assert response.status_code == 409
    assert readable_detail(response)
    stored_users(1)
    # The first password still works; the second one was never stored.
    ok = client.post("/login", data={"username": name(), "password": PASSWORD})
    assert ok.status_code == 200
    refused = client.post("/login", data={"username": name(), "password": "another-password"})
    assert refused.status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"username": "alice", "password": "short"}, id="short-password"),
        pytest.param({"username": "alice", "password": "x" * 129}, id="huge-password"),
        pytest.param({"username": "al", "password": PASSWORD}, id="short-username"),
        pytest.param({"username": "../alice", "password": PASSWORD}, id="bad-characters"),
        pytest.param({"username": "alice"}, id="missing-password"),
        pytest.param({"password": PASSWORD}, id="missing-username"),
        pytest.param(["alice", PASSWORD], id="not-an-object"),
    ],
)
def test_invalid_registration_is_422_and_stores_nothing(
    client: TestClient,
    stored_users: Callable[[int], None],
    name: Callable[..., str],
    body: object,
) -> None:
    """잘못된 가입 본문(짧거나 긴 값, 빠진 필드, 객체가 아닌 JSON)은 422이고 저장되지 않는다."""
    if isinstance(body, dict) and body.get("username") == "alice":
        body = {**body, "username": name()}
    response = client.post("/users", json=body)
    assert response.status_code == 422
    assert response.json()["detail"]  # FastAPI's list of errors, or any other readable detail
    stored_users(0)
