"""Chapter 8: registration — 201 with public fields, hashed passwords, 409 and 422 store nothing."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, Table, select

from .support import PASSWORD


def stored_hash(engine: Engine, users: Table, username: str) -> str:
    with engine.connect() as connection:
        return connection.scalar(
            select(users.c.hashed_password).where(users.c.username == username)
        )


@pytest.mark.points(2)
def test_register_answers_201_with_public_fields_only(
    client: TestClient, count_users: Callable[[], int]
) -> None:
    response = client.post("/users", json={"username": "alice", "password": PASSWORD})
    assert response.status_code == 201
    body = response.json()
    assert set(body) == {"id", "username", "role"}  # no password, no hash
    assert body["username"] == "alice"
    assert body["role"] == "user"
    assert isinstance(body["id"], int)
    assert count_users() == 1


@pytest.mark.points(2)
def test_password_is_stored_as_a_salted_argon2_hash(
    register: Callable[..., dict], engine: Engine, users_table: Table
) -> None:
    register("alice")
    register("bob")  # the same password
    alice, bob = (stored_hash(engine, users_table, name) for name in ("alice", "bob"))
    assert alice.startswith("$argon2id$")
    assert PASSWORD not in alice
    assert alice != bob  # a random salt per hash: equal passwords do not look equal


@pytest.mark.points(2)
def test_duplicate_username_is_409_and_keeps_the_first_user(
    client: TestClient, register: Callable[..., dict], count_users: Callable[[], int]
) -> None:
    register("alice")
    response = client.post("/users", json={"username": "alice", "password": "another-password"})
    assert response.status_code == 409
    assert "alice" in response.json()["detail"]
    assert count_users() == 1
    # The first password still works; the second one was never stored.
    ok = client.post("/login", data={"username": "alice", "password": PASSWORD})
    assert ok.status_code == 200
    refused = client.post("/login", data={"username": "alice", "password": "another-password"})
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
    client: TestClient, count_users: Callable[[], int], body: object
) -> None:
    response = client.post("/users", json=body)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail
    assert all(error["msg"] for error in detail)
    assert count_users() == 0
