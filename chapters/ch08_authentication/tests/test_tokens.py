"""챕터 8: ``GET /users/me``와 ``GET /protected``는 유효한 Bearer 토큰이 없으면 401입니다.

나쁜 토큰마다 테스트가 하나씩 있고, 좋은 토큰은 통과하는지 대조합니다.
"""

from collections.abc import Callable

import jwt
import pytest
from fastapi.testclient import TestClient

from shared.testing import Solution

from .support import (
    OTHER_SECRET_KEY,
    bearer,
    has_test_settings,
    make_token,
    readable_detail,
)

PROTECTED_PATHS = ["/users/me", "/protected"]


@pytest.fixture
def alice(register: Callable[..., dict], name: Callable[..., str]) -> dict:
    """가입한 사용자 한 명(API가 답한 모양)."""
    return register(name())


def assert_all_401(client: TestClient, headers: dict[str, str]) -> None:
    for path in PROTECTED_PATHS:
        response = client.get(path, headers=headers)
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"] == "Bearer", path
        assert readable_detail(response), path


def assert_all_200(client: TestClient, headers: dict[str, str]) -> None:
    for path in PROTECTED_PATHS:
        assert client.get(path, headers=headers).status_code == 200, path


@pytest.mark.points(2)
def test_users_me_answers_the_tokens_user(
    client: TestClient, alice: dict, login: Callable[..., str]
) -> None:
    """`GET /users/me`는 토큰 주인의 정보를 돌려준다."""
    response = client.get("/users/me", headers=bearer(login(alice["username"])))
    assert response.status_code == 200
    assert response.json() == alice


@pytest.mark.points(2)
def test_protected_route_lets_a_logged_in_user_in(
    client: TestClient,
    register: Callable[..., dict],
    login: Callable[..., str],
    name: Callable[..., str],
) -> None:
    """로그인한 사용자는 누구나 `GET /protected`에 들어가고, 답의 `username`은 자기 아이디다."""
    for username in (name("alice"), name("bob")):
        register(username)
    for username in (name("alice"), name("bob")):
        response = client.get("/protected", headers=bearer(login(username)))
        assert response.status_code == 200
        assert response.json()["username"] == username
        assert isinstance(response.json()["message"], str)


@pytest.mark.points(2)
def test_missing_token_is_401(client: TestClient, alice: dict) -> None:
    """토큰 없이 부르면 두 경로 모두 401과 `WWW-Authenticate: Bearer`다."""
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
    """형식이 잘못된 `Authorization` 헤더는 401이다."""
    assert_all_401(client, {"Authorization": authorization})


@pytest.mark.points(2)
def test_token_signed_with_another_key_is_401(
    request: pytest.FixtureRequest,
    solution: Solution,
    client: TestClient,
    alice: dict,
    login: Callable[..., str],
) -> None:
    """다른 키로 서명한 토큰은 401이다 (같은 내용을 맞는 키로 서명하면 통과).

    The control is a token made by hand with the settings' key, or, for a solution whose
    settings the suite cannot swap, the token its own login gives."""
    if has_test_settings(solution):
        request.getfixturevalue("known_key")
        good = make_token(alice["username"])
    else:
        good = login(alice["username"])
    assert_all_200(client, bearer(good))
    assert_all_401(client, bearer(make_token(alice["username"], key=OTHER_SECRET_KEY)))


@pytest.mark.points(2)
def test_unsigned_token_is_401(client: TestClient, alice: dict) -> None:
    """서명 없는 토큰(`"alg": "none"`)은 401이다: 알고리즘은 토큰이 아니라 서버가 정한다."""
    unsigned = jwt.encode({"sub": alice["username"], "exp": 2**31}, key=None, algorithm="none")
    assert_all_401(client, bearer(unsigned))


@pytest.mark.points(2)
def test_expired_token_is_401(known_key: str, client: TestClient, alice: dict) -> None:
    """만료된 토큰은 401이다 (아직 유효한 토큰은 통과).

    Needs ``get_settings`` and ``Settings``: the tokens are signed with the settings' key."""
    assert_all_200(client, bearer(make_token(alice["username"], key=known_key, expires_in=60)))
    assert_all_401(client, bearer(make_token(alice["username"], key=known_key, expires_in=-60)))


@pytest.mark.points(2)
def test_token_without_expiry_is_401(known_key: str, client: TestClient, alice: dict) -> None:
    """`exp`가 없는 토큰은 영원히 유효할 테니 401이다.

    Needs ``get_settings`` and ``Settings``: the token is signed with the settings' key."""
    assert_all_401(client, bearer(make_token(alice["username"], key=known_key, expires_in=None)))


@pytest.mark.points(2)
def test_token_for_an_unknown_user_is_401(
    known_key: str, client: TestClient, alice: dict, name: Callable[..., str]
) -> None:
    """없는 사용자나 `sub`가 없는 토큰은, 서명이 맞아도 401이다.

    Needs ``get_settings`` and ``Settings``: the tokens are signed with the settings' key."""
    assert_all_401(client, bearer(make_token(name("mallory"), key=known_key)))
    assert_all_401(client, bearer(make_token(None, key=known_key)))  # no "sub" at all
