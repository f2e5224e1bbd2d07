"""Chapter 8: ``/admin`` routes let the "admin" role in; other users get 403, strangers 401."""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from .support import PASSWORD, bearer

ADMIN_PATHS = ["/admin", "/admin/users"]


@pytest.mark.points(2)
def test_admin_opens_the_admin_routes(
    client: TestClient, admin_token: str, register: Callable[..., dict]
) -> None:
    register("alice")
    home = client.get("/admin", headers=bearer(admin_token))
    assert home.status_code == 200
    assert home.json()["user_count"] == 2
    listing = client.get("/admin/users", headers=bearer(admin_token))
    assert listing.status_code == 200
    assert [(u["username"], u["role"]) for u in listing.json()] == [
        ("root", "admin"),
        ("alice", "user"),
    ]
    assert all(set(user) == {"id", "username", "role"} for user in listing.json())


@pytest.mark.points(3)
def test_a_regular_user_gets_403(
    client: TestClient, register: Callable[..., dict], login: Callable[..., str]
) -> None:
    register("alice")
    for path in ADMIN_PATHS:
        response = client.get(path, headers=bearer(login("alice")))
        assert response.status_code == 403, path
        assert response.json()["detail"], path


@pytest.mark.points(2)
def test_registration_cannot_ask_for_the_admin_role(
    client: TestClient, login: Callable[..., str]
) -> None:
    response = client.post(
        "/users", json={"username": "eve", "password": PASSWORD, "role": "admin"}
    )
    if response.status_code == 201:  # extra fields ignored...
        assert response.json()["role"] == "user"
        assert client.get("/admin", headers=bearer(login("eve"))).status_code == 403
    else:  # ...or refused
        assert response.status_code == 422


def test_admin_routes_need_a_token(client: TestClient) -> None:
    for path in ADMIN_PATHS:
        response = client.get(path)
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"] == "Bearer", path
