"""모든 응답이 ``/openapi.json``에 있다: ``nox -s fuzz``가 찾은 회귀.

JSON 본문을 받는 라우트에, 디코딩할 수 없는 본문에 FastAPI가 답하는 400이 빠져 있었다.
"""

import pytest
from fastapi.testclient import TestClient

NOT_UTF8 = b'{"username": "\xff\xfe", "theme": "dark"}'


def documented(client: TestClient, method: str, path: str) -> set[str]:
    """``/openapi.json``이 한 경로 처리에 대해 적어 둔 상태 코드."""
    return set(client.get("/openapi.json").json()["paths"][path][method.lower()]["responses"])


@pytest.mark.parametrize(("method", "path"), [("POST", "/users"), ("PUT", "/preferences/theme")])
def test_a_body_that_is_not_utf8_is_a_documented_400(
    client: TestClient, method: str, path: str
) -> None:
    """UTF-8이 아닌 본문은 `/openapi.json`에 적힌 `400`이고, 저장도 쿠키도 남기지 않는다."""
    users_before = client.get("/users").json()
    response = client.request(
        method, path, content=NOT_UTF8, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert "400" in documented(client, method, path)
    assert client.get("/users").json() == users_before  # nothing stored
    assert "set-cookie" not in response.headers  # no theme chosen


@pytest.mark.parametrize(
    ("method", "path", "missing"),
    [
        ("GET", "/items/{item_id}", "/items/no-such-item"),
        ("GET", "/vehicles/{vehicle_id}", "/vehicles/99"),
        ("GET", "/users/{username}", "/users/nobody_here"),
        ("DELETE", "/users/{username}", "/users/nobody_here"),
    ],
)
def test_a_missing_resource_is_a_documented_404(
    client: TestClient, method: str, path: str, missing: str
) -> None:
    """없는 상품, 차량, 사용자의 `404`는 `/openapi.json`에 적혀 있다."""
    assert client.request(method, missing).status_code == 404
    assert "404" in documented(client, method, path)


def test_a_taken_username_is_a_documented_409(client: TestClient) -> None:
    """이미 있는 사용자 이름의 `409`는 `/openapi.json`에 적혀 있다."""
    body = {"username": "taken_409", "email": "taken@example.com", "password": "correct-horse-42"}
    assert client.post("/users", json=body).status_code in (200, 201)
    assert client.post("/users", json=body).status_code == 409
    assert "409" in documented(client, "POST", "/users")
