"""챕터 8: ``POST /login``은 폼 데이터를 받고, 서명되고 만료되는 Bearer 토큰을 답합니다."""

import time
from collections.abc import Callable

import jwt
import pytest
from fastapi.testclient import TestClient

from .support import PASSWORD, TEST_EXPIRE_MINUTES, readable_detail


@pytest.mark.points(2)
def test_login_with_form_data_returns_a_bearer_token(
    client: TestClient, register: Callable[..., dict], name: Callable[..., str]
) -> None:
    """폼 데이터로 로그인하면 `bearer` 액세스 토큰(JWT)을 받는다."""
    register(name())
    response = client.post("/login", data={"username": name(), "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["access_token"].count(".") == 2  # header.payload.signature


@pytest.mark.points(2)
def test_token_is_signed_with_the_settings_key_and_names_the_user(
    known_key: str,
    register: Callable[..., dict],
    login: Callable[..., str],
    name: Callable[..., str],
) -> None:
    """토큰은 설정의 `secret_key`로 HS256 서명되고, `sub`에 아이디가 있다.

    Needs ``get_settings`` and ``Settings``: the test must know the key."""
    register(name())
    token = login(name())
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    claims = jwt.decode(token, known_key, algorithms=["HS256"])  # fails on another key
    assert claims["sub"] == name()


@pytest.mark.parametrize("minutes", [TEST_EXPIRE_MINUTES, 90])
def test_token_expires_after_the_configured_minutes(
    use_settings: Callable[..., None],
    known_key: str,
    register: Callable[..., dict],
    login: Callable[..., str],
    name: Callable[..., str],
    minutes: int,
) -> None:
    """토큰의 `exp`는 지금부터 `ACCESS_TOKEN_EXPIRE_MINUTES`분 뒤다.

    A generous minute of slack for slow CI. Needs ``get_settings`` and ``Settings``."""
    use_settings(access_token_expire_minutes=minutes)
    register(name())
    before = time.time()
    claims = jwt.decode(login(name()), known_key, algorithms=["HS256"])
    assert before + minutes * 60 - 60 <= claims["exp"] <= time.time() + minutes * 60 + 1


@pytest.mark.points(2)
def test_wrong_password_and_unknown_user_get_the_same_401(
    client: TestClient, register: Callable[..., dict], name: Callable[..., str]
) -> None:
    """틀린 비밀번호와 없는 아이디는 똑같은 401을 받는다 (어느 아이디가 있는지 알 수 없게)."""
    register(name())
    wrong = client.post("/login", data={"username": name(), "password": "wrong-password"})
    unknown = client.post("/login", data={"username": name("nobody"), "password": PASSWORD})
    for response in (wrong, unknown):
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert "access_token" not in response.json()
    assert wrong.json()["detail"] == unknown.json()["detail"]
    assert readable_detail(wrong)


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"json": {"username": "alice", "password": PASSWORD}}, id="json-not-form"),
        pytest.param({"data": {"username": "alice"}}, id="missing-password"),
        pytest.param({"data": {"password": PASSWORD}}, id="missing-username"),
    ],
)
def test_login_needs_both_form_fields(
    client: TestClient, register: Callable[..., dict], name: Callable[..., str], kwargs: dict
) -> None:
    """JSON 본문이나 필드가 하나라도 빠진 로그인은 422이고 토큰을 주지 않는다."""
    register(name())
    kwargs = {
        key: {**value, "username": name()} if "username" in value else value
        for key, value in kwargs.items()
    }
    response = client.post("/login", **kwargs)
    assert response.status_code == 422
    assert "access_token" not in response.json()
