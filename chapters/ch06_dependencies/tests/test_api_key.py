"""Chapter 6: a router dependency puts the API-key check in front of every ``/secure`` route.

The key is read from the ``API_KEY`` environment variable through ``get_settings``; the
``api_key`` fixture sets a random one, as a deployment would.
"""

import pytest
from fastapi.testclient import TestClient

SECURE_ROUTES = ["/secure/report", "/secure/ping"]


@pytest.mark.points(2)
@pytest.mark.parametrize("path", SECURE_ROUTES)
def test_missing_key_is_401_with_a_challenge(client: TestClient, api_key: str, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "APIKey"
    assert "X-API-Key" in response.json()["detail"]


@pytest.mark.parametrize("path", SECURE_ROUTES)
def test_wrong_key_is_403(client: TestClient, api_key: str, path: str) -> None:
    response = client.get(path, headers={"X-API-Key": api_key + "x"})
    assert response.status_code == 403
    assert response.json()["detail"]


@pytest.mark.points(2)
def test_the_key_from_the_environment_opens_every_secure_route(
    client: TestClient, api_key: str
) -> None:
    headers = {"X-API-Key": api_key}
    report = client.get("/secure/report", headers=headers)
    assert report.status_code == 200
    assert report.json()["items"] == 12
    assert api_key not in report.text  # the secret is never echoed
    assert client.get("/secure/ping", headers=headers).json() == {"authenticated": True}


def test_without_a_configured_key_nothing_gets_in(client: TestClient, no_api_key: None) -> None:
    """No ``API_KEY``: a clear 503, not a default key that anyone could guess."""
    response = client.get("/secure/report", headers={"X-API-Key": "anything"})
    assert response.status_code == 503
    assert "API_KEY" in response.json()["detail"]


def test_public_routes_need_no_key(client: TestClient, api_key: str) -> None:
    assert client.get("/items").status_code == 200


def test_docs_declare_the_header_scheme_on_secure_routes_only(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    (name,) = [key for key, value in schemes.items() if value.get("in") == "header"]
    assert schemes[name]["name"] == "X-API-Key"
    assert schema["paths"]["/secure/report"]["get"]["security"] == [{name: []}]
    assert "security" not in schema["paths"]["/items"]["get"]
