"""Chapter 9: ``CORSMiddleware`` with the explicit origin list from the settings."""

from types import ModuleType

import pytest
from fastapi.testclient import TestClient

OTHER_ORIGIN = "https://evil.example"


@pytest.fixture
def allowed_origins(solution: ModuleType) -> list[str]:
    origins = solution.get_settings().cors_origins
    assert origins
    assert "*" not in origins
    assert OTHER_ORIGIN not in origins
    return origins


def preflight(client: TestClient, origin: str):
    return client.options(
        "/upload",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )


@pytest.mark.points(2)
def test_preflight_from_an_allowed_origin_passes(
    client: TestClient, allowed_origins: list[str]
) -> None:
    for origin in allowed_origins:
        response = preflight(client, origin)
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == origin
        assert "POST" in response.headers["access-control-allow-methods"]
        assert "content-type" in response.headers["access-control-allow-headers"].lower()


@pytest.mark.points(2)
def test_preflight_from_another_origin_gets_no_allow_origin(
    client: TestClient, allowed_origins: list[str]
) -> None:
    response = preflight(client, OTHER_ORIGIN)
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.points(2)
def test_a_simple_request_exposes_the_middleware_headers_to_allowed_origins(
    client: TestClient, allowed_origins: list[str]
) -> None:
    allowed = client.get("/health", headers={"Origin": allowed_origins[0]})
    assert allowed.headers["access-control-allow-origin"] == allowed_origins[0]
    exposed = allowed.headers["access-control-expose-headers"].lower()
    assert "x-request-id" in exposed
    assert "x-process-time" in exposed
    other = client.get("/health", headers={"Origin": OTHER_ORIGIN})
    assert other.status_code == 200  # CORS is the browser's rule; the server still answers
    assert "access-control-allow-origin" not in other.headers
