"""챕터 8: ``/admin`` 경로는 "admin" 역할만 들여보냅니다. 다른 사용자는 403, 토큰이 없으면 401."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from .support import PASSWORD, bearer, readable_detail

ADMIN_PATHS = ["/admin", "/admin/users"]


@pytest.mark.points(2)
def test_admin_opens_the_admin_routes(
    admin: tuple[str, str],
    client: TestClient,
    register: Callable[..., dict],
    name: Callable[..., str],
) -> None:
    """`admin` 역할의 사용자는 `/admin`과 `/admin/users`(id 순서의 공개 필드)를 본다.

    The admin is made in the test database: needs ``get_db`` and ``Base``."""
    root, token = admin
    register(name("alice"))
    home = client.get("/admin", headers=bearer(token))
    assert home.status_code == 200
    assert home.json()["user_count"] == 2
    listing = client.get("/admin/users", headers=bearer(token))
    assert listing.status_code == 200
    assert [(u["username"], u["role"]) for u in listing.json()] == [
        (root, "admin"),
        (name("alice"), "user"),
    ]
    assert all(set(user) == {"id", "username", "role"} for user in listing.json())


@pytest.mark.points(3)
def test_a_regular_user_gets_403(
    client: TestClient,
    register: Callable[..., dict],
    login: Callable[..., str],
    name: Callable[..., str],
) -> None:
    """보통 사용자는 두 관리자 경로 모두에서 `detail`이 있는 403을 받는다."""
    register(name())
    for path in ADMIN_PATHS:
        response = client.get(path, headers=bearer(login(name())))
        assert response.status_code == 403, path
        assert readable_detail(response), path


@pytest.mark.points(2)
def test_registration_cannot_ask_for_the_admin_role(
    client: TestClient, login: Callable[..., str], name: Callable[..., str]
) -> None:
    """가입할 때 `"role": "admin"`을 보내도 관리자가 되지 않는다 (무시되거나 422)."""
    response = client.post(
        "/users", json={"username": name("eve"), "password": PASSWORD, "role": "admin"}
    )
    if response.status_code in (200, 201):  # extra fields ignored...
        assert response.json()["role"] == "user"
        assert client.get("/admin", headers=bearer(login(name("eve")))).status_code == 403
    else:  # ...or refused
        assert response.status_code == 422


def test_admin_routes_need_a_token(client: TestClient) -> None:
    """토큰 없이 관리자 경로를 부르면 401과 `WWW-Authenticate: Bearer`다."""
    for path in ADMIN_PATHS:
        response = client.get(path)
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"] == "Bearer", path
