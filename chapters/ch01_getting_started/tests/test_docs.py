"""Chapter 1: the automatic docs and the app metadata they show."""

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def schema(client: TestClient) -> dict:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_swagger_ui_is_served_at_docs(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "swagger-ui" in response.text
    assert "/openapi.json" in response.text


def test_redoc_is_served_at_redoc(client: TestClient) -> None:
    response = client.get("/redoc")
    assert response.status_code == 200
    assert "redoc" in response.text.lower()
    assert "/openapi.json" in response.text


@pytest.mark.points(2)
def test_openapi_lists_every_path_operation(schema: dict) -> None:
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    assert set(paths["/"]) == {"get"}
    assert set(paths["/health"]) == {"get"}
    assert set(paths["/methods"]) == {"get", "post", "put", "patch", "delete"}


@pytest.mark.points(2)
def test_app_metadata_is_set(schema: dict) -> None:
    """Title and version are the app's own, not FastAPI's defaults."""
    info = schema["info"]
    assert info["title"] not in ("", "FastAPI")
    assert info["version"] not in ("", "0.1.0")
    assert info.get("description")


@pytest.mark.points(2)
def test_every_operation_has_a_declared_tag(schema: dict) -> None:
    declared = {tag["name"] for tag in schema.get("tags", [])}
    assert {"health", "methods"} <= declared
    assert all(tag.get("description") for tag in schema["tags"])
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert operation.get("tags"), f"{method.upper()} {path} has no tag"
            assert set(operation["tags"]) <= declared
    assert schema["paths"]["/health"]["get"]["tags"] == ["health"]
