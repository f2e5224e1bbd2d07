"""챕터 1: 자동 문서와 그 문서에 보이는 앱 메타데이터."""

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def schema(client: TestClient) -> dict:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_swagger_ui_is_served_at_docs(client: TestClient) -> None:
    """`/docs`는 `/openapi.json`을 읽는 Swagger UI HTML을 보여 준다."""
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "swagger-ui" in response.text
    assert "/openapi.json" in response.text


def test_redoc_is_served_at_redoc(client: TestClient) -> None:
    """`/redoc`은 `/openapi.json`을 읽는 ReDoc HTML을 보여 준다."""
    response = client.get("/redoc")
    assert response.status_code == 200
    assert "redoc" in response.text.lower()
    assert "/openapi.json" in response.text


@pytest.mark.points(2)
def test_openapi_lists_every_path_operation(schema: dict) -> None:
    """`/openapi.json`에 모든 경로와 메서드가 나온다."""
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    # At least these: a solution may document more (HEAD, OPTIONS), the README does not forbid it.
    assert {"get"} <= set(paths.get("/", {}))
    assert {"get"} <= set(paths.get("/health", {}))
    assert {"get", "post", "put", "patch", "delete"} <= set(paths.get("/methods", {}))


@pytest.mark.points(2)
def test_app_metadata_is_set(schema: dict) -> None:
    """앱의 제목, 버전, 설명이 FastAPI 기본값이 아니라 직접 정한 값이다."""
    info = schema["info"]
    assert info["title"] not in ("", "FastAPI")
    assert info["version"] not in ("", "0.1.0")
    assert info.get("description")


@pytest.mark.points(2)
def test_every_operation_has_a_declared_tag(schema: dict) -> None:
    """모든 경로 처리에 설명이 있는, 선언된 태그가 붙어 있다.

    태그의 이름은 풀이가 정합니다(README는 이름을 정하지 않습니다).
    """
    declared = {tag["name"] for tag in schema.get("tags", [])}
    assert declared, "openapi_tags declares no tag"
    assert all(tag.get("description") for tag in schema["tags"])
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert operation.get("tags"), f"{method.upper()} {path} has no tag"
            assert set(operation["tags"]) <= declared
