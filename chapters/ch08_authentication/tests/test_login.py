"""Chapter 8: ``POST /login`` takes form data and answers a signed, expiring Bearer token."""

import time
from collections.abc import Callable

import jwt
import pytest
from fastapi.testclient import TestClient

from .support import PASSWORD, TEST_EXPIRE_MINUTES, TEST_SECRET_KEY


@pytest.mark.points(2)
def test_login_with_form_data_returns_a_bearer_token(
    client: TestClient, register: Callable[..., dict]
) -> None:
    register("alice")
    response = client.post("/login", data={"username": "alice", "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["access_token"].count(".") == 2  # header.payload.signature


@pytest.mark.points(2)
def test_token_is_signed_with_the_settings_key_and_names_the_user(
    register: Callable[..., dict], login: Callable[..., str]
) -> None:
    register("alice")
    token = login("alice")
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    claims = jwt.decode(token, TEST_SECRET_KEY, algorithms=["HS256"])  # fails on another key
    assert claims["sub"] == "alice"


@pytest.mark.parametrize("minutes", [TEST_EXPIRE_MINUTES, 90])
def test_token_expires_after_the_configured_minutes(
    use_settings: Callable[..., None],
    register: Callable[..., dict],
    login: Callable[..., str],
    minutes: int,
) -> None:
    """``exp`` is now + ACCESS_TOKEN_EXPIRE_MINUTES (a generous minute of slack for slow CI)."""
    use_settings(access_token_expire_minutes=minutes)
    register("alice")
    before = time.time()
    claims = jwt.decode(login("alice"), TEST_SECRET_KEY, algorithms=["HS256"])
    assert before + minutes * 60 - 60 <= claims["exp"] <= time.time() + minutes * 60 + 1


@pytest.mark.points(2)
def test_wrong_password_and_unknown_user_get_the_same_401(
    client: TestClient, register: Callable[..., dict]
) -> None:
    """The answer must not tell an attacker which usernames exist."""
    register("alice")
    wrong = client.post("/login", data={"username": "alice", "password": "wrong-password"})
    unknown = client.post("/login", data={"username": "nobody", "password": PASSWORD})
    for response in (wrong, unknown):
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert "access_token" not in response.json()
    assert wrong.json()["detail"] == unknown.json()["detail"]
    assert wrong.json()["detail"]


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"json": {"username": "alice", "password": PASSWORD}}, id="json-not-form"),
        pytest.param({"data": {"username": "alice"}}, id="missing-password"),
        pytest.param({"data": {"password": PASSWORD}}, id="missing-username"),
    ],
)
def test_login_needs_both_form_fields(
    client: TestClient, register: Callable[..., dict], kwargs: dict
) -> None:
    register("alice")
    response = client.post("/login", **kwargs)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "body"
