"""Chapter 8: ``GET /users/me`` and ``GET /protected`` need a valid Bearer token, or answer 401.

Every kind of bad token gets its own test, each with a control: the same request with a good
token passes, so the 401 comes from the one thing that is wrong.
"""

from collections.abc import Callable

import jwt
import pytest
from fastapi.testclient import TestClient

from .support import OTHER_SECRET_KEY, bearer, make_token

PROTECTED_PATHS = ["/users/me", "/protected"]


@pytest.fixture
def alice(register: Callable[..., dict]) -> dict:
    return register("alice")


def assert_all_401(client: TestClient, headers: dict[str, str]) -> None:
    for path in PROTECTED_PATHS:
        response = client.get(path, headers=headers)
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"] == "Bearer", path
        assert response.json()["detail"], path


def assert_all_200(client: TestClient, headers: dict[str, str]) -> None:
    for path in PROTECTED_PATHS:
        assert client.get(path, headers=headers).status_code == 200, path


@pytest.mark.points(2)
def test_users_me_answers_the_tokens_user(
    client: TestClient, alice: dict, login: Callable[..., str]
) -> None:
    response = client.get("/users/me", headers=bearer(login("alice")))
    assert response.status_code == 200
    assert response.json() == alice


@pytest.mark.points(2)
def test_protected_route_lets_a_logged_in_user_in(
    client: TestClient, register: Callable[..., dict], login: Callable[..., str]
) -> None:
    register("alice")
    register("bob")
    for name in ("alice", "bob"):
        response = client.get("/protected", headers=bearer(login(name)))
        assert response.status_code == 200
        assert name in str(response.json())


@pytest.mark.points(2)
def test_missing_token_is_401(client: TestClient, alice: dict) -> None:
    assert_all_401(client, {})


@pytest.mark.parametrize(
    "authorization",
    [
        pytest.param("Bearer not-a-jwt", id="not-a-jwt"),
        pytest.param("Bearer ", id="empty"),
        pytest.param("Bearer a.b.c", id="three-garbage-parts"),
        pytest.param("Basic YWxpY2U6cGFzc3dvcmQ=", id="basic-scheme"),
        pytest.param("alice", id="no-scheme"),
    ],
)
def test_malformed_token_is_401(client: TestClient, alice: dict, authorization: str) -> None:
    assert_all_401(client, {"Authorization": authorization})


@pytest.mark.points(2)
def test_token_signed_with_another_key_is_401(client: TestClient, alice: dict) -> None:
    assert_all_200(client, bearer(make_token("alice")))
    assert_all_401(client, bearer(make_token("alice", key=OTHER_SECRET_KEY)))


@pytest.mark.points(2)
def test_unsigned_token_is_401(client: TestClient, alice: dict) -> None:
    """``"alg": "none"`` must not pass: the server decides the algorithm, not the token."""
    unsigned = jwt.encode({"sub": "alice", "exp": 2**31}, key=None, algorithm="none")
    assert_all_401(client, bearer(unsigned))


@pytest.mark.points(2)
def test_expired_token_is_401(client: TestClient, alice: dict) -> None:
    assert_all_200(client, bearer(make_token("alice", expires_in=60)))
    assert_all_401(client, bearer(make_token("alice", expires_in=-60)))


@pytest.mark.points(2)
def test_token_without_expiry_is_401(client: TestClient, alice: dict) -> None:
    """A token with no ``exp`` would be valid forever."""
    assert_all_401(client, bearer(make_token("alice", expires_in=None)))


@pytest.mark.points(2)
def test_token_for_an_unknown_user_is_401(client: TestClient, alice: dict) -> None:
    assert_all_401(client, bearer(make_token("mallory")))
    assert_all_401(client, bearer(make_token(None)))  # no "sub" at all
