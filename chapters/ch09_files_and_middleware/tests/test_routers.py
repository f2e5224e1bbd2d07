"""챕터 9: 앱은 접두사와 태그를 하나씩 가진 ``APIRouter`` 모듈로 나뉘고,
문서는 폼과 업로드를 있는 그대로 보여 준다.
"""

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def schema(client: TestClient) -> dict:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()


@pytest.mark.points(2)
def test_each_router_brings_its_routes_and_tag(schema: dict) -> None:
    """라우터마다 자기 경로와 태그(`files`, `forms`, `system`)를 가져온다."""
    routes = {
        ("post", "/upload"): ["files"],
        ("post", "/uploads"): ["files"],
        ("get", "/files/{file_id}"): ["files"],
        ("post", "/forms/contact"): ["forms"],
        ("post", "/forms/profile"): ["forms"],
        ("get", "/health"): ["system"],
        ("get", "/request-id"): ["system"],
    }
    # Only the README's routes and their tags; the app's own tag list is not part of the contract.
    tags = {
        route: schema["paths"].get(route[1], {}).get(route[0], {}).get("tags") for route in routes
    }
    assert tags == routes


def request_content(schema: dict, path: str) -> dict:
    return schema["paths"][path]["post"]["requestBody"]["content"]


@pytest.mark.points(2)
def test_the_docs_show_forms_and_files(schema: dict) -> None:
    """문서는 폼을 `x-www-form-urlencoded`로, 업로드를 `multipart/form-data`로 보여 준다."""
    assert set(request_content(schema, "/forms/contact")) == {"application/x-www-form-urlencoded"}
    assert set(request_content(schema, "/upload")) == {"multipart/form-data"}
    assert set(request_content(schema, "/uploads")) == {"multipart/form-data"}
