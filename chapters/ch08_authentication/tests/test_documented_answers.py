"""모든 응답이 ``/openapi.json``에 적혀 있습니다: ``nox -s fuzz``가 찾아낸 회귀.

스키마에 200/201과 422만 있고 401, 403, 409, FastAPI가 스스로 답하는 400은 없었습니다.
"""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from .support import PASSWORD, bearer, readable_detail


def documented(client: TestClient, method: str, path: str) -> set[str]:
    """The status codes ``/openapi.json`` lists for one operation."""
    return set(client.get("/openapi.json").json()["paths"][path][method]["responses"])


@pytest.mark.parametrize("path", ["/users/me", "/protected", "/admin", "/admin/users"])
def test_a_missing_token_is_a_documented_401(client: TestClient, path: str) -> None:
    """토큰 없이 부르면 401이고, 그 401이 `/openapi.json`에 적혀 있다."""
    response = client.get(path)
    assert response.status_code == 401
    assert "401" in documented(client, "get", path)


@pytest.mark.parametrize("path", ["/admin", "/admin/users"])
def test_a_regular_users_answer_on_the_admin_routes_is_documented(
    client: TestClient,
    register: Callable[..., dict],
    login: Callable[..., str],
    name: Callable[..., str],
    path: str,
) -> None:
    """보통 사용자가 관리자 경로에서 받는 답(403)이 `/openapi.json`에 적혀 있다.

    ``test_roles.py`` grades that the role is checked."""
    register(name())
    response = client.get(path, headers=bearer(login(name())))
    assert str(response.status_code) in documented(client, "get", path)


def test_a_wrong_password_is_a_documented_401(
    client: TestClient, register: Callable[..., dict], name: Callable[..., str]
) -> None:
    """틀린 비밀번호의 401이 `/openapi.json`에 적혀 있다."""
    register(name())
    response = client.post("/login", data={"username": name(), "password": PASSWORD + "x"})
    assert response.status_code == 401
    assert "401" in documented(client, "post", "/login")


def test_a_taken_username_is_a_documented_409(
    client: TestClient, register: Callable[..., dict], name: Callable[..., str]
) -> None:
    """이미 있는 아이디의 409가 `/openapi.json`에 적혀 있다."""
    register(name())
    response = client.post("/users", json={"username": name(), "password": PASSWORD})
    assert response.status_code == 409
    assert "409" in documented(client, "post", "/users")


def test_a_body_that_is_not_utf8_is_a_documented_400(
    client: TestClient, stored_users: Callable[[int], None]
) -> None:
    """UTF-8이 아닌 본문은 400(`detail` 포함)이고 `/openapi.json`에 적혀 있으며, 저장되지 않는다."""
    response = client.post(
        "/users",
        content=b'{"username": "\xff\xfe", "password": "correct-horse-battery"}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert readable_detail(response)
    assert "400" in documented(client, "post", "/users")
    stored_users(0)
