"""챕터 6: 라우터 의존성이 모든 ``/secure`` 라우트 앞에서 API 키를 확인한다.

키는 ``get_settings``로 ``API_KEY`` 환경 변수에서 읽고, ``api_key`` fixture가 무작위 키를 설정한다.
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient

SECURE_ROUTES = ["/secure/report", "/secure/ping"]


@pytest.mark.points(2)
@pytest.mark.parametrize("path", SECURE_ROUTES)
def test_missing_key_is_401_with_a_challenge(client: TestClient, api_key: str, path: str) -> None:
    """`X-API-Key` 헤더가 없으면 `WWW-Authenticate: APIKey`와 함께 `401`이다."""
    response = client.get(path)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "APIKey"
    assert response.json()["detail"]  # the README promises a detail, not its words


@pytest.mark.parametrize("path", SECURE_ROUTES)
def test_wrong_key_is_403(client: TestClient, api_key: str, path: str) -> None:
    """틀린 API 키는 `403`이다."""
    response = client.get(path, headers={"X-API-Key": api_key + "x"})
    assert response.status_code == 403
    assert response.json()["detail"]


@pytest.mark.points(2)
def test_the_key_from_the_environment_opens_every_secure_route(
    client: TestClient, api_key: str, get_settings: Any
) -> None:
    """환경 변수 `API_KEY`의 키로 모든 `/secure` 라우트가 열리고, 키는 응답에 나오지 않는다.

    What the two routes answer is the solution's own (the README gives no body)."""
    for path in SECURE_ROUTES:
        response = client.get(path, headers={"X-API-Key": api_key})
        assert response.status_code == 200, path
        assert api_key not in response.text  # the secret is never echoed


def test_without_a_configured_key_nothing_gets_in(
    client: TestClient, no_api_key: None, get_settings: Any
) -> None:
    """서버에 `API_KEY`가 없으면 어떤 키도 통하지 않고 `503`이다.

    ``API_KEY``가 없으면 누구나 짐작할 수 있는 기본 키가 아니라 분명한 503이다.
    """
    response = client.get("/secure/report", headers={"X-API-Key": "anything"})
    assert response.status_code == 503
    assert response.json()["detail"]


def test_public_routes_need_no_key(client: TestClient, api_key: str) -> None:
    """공개 라우트(`/items`)는 API 키 없이 열린다."""
    assert client.get("/items").status_code == 200


def test_docs_declare_the_header_scheme_on_secure_routes_only(client: TestClient) -> None:
    """`/openapi.json`은 `X-API-Key` 헤더 방식을 `/secure` 라우트에만 적는다."""
    schema = client.get("/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    (name,) = [key for key, value in schemes.items() if value.get("in") == "header"]
    assert schemes[name]["name"] == "X-API-Key"
    assert schema["paths"]["/secure/report"]["get"]["security"] == [{name: []}]
    assert "security" not in schema["paths"]["/items"]["get"]
