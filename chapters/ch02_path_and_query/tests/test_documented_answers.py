"""모든 응답이 ``/openapi.json``에 있다: ``nox -s fuzz``가 찾은 회귀(404)."""

from typing import Any

from fastapi.testclient import TestClient


def documented(client: TestClient, method: str, path: str) -> set[str]:
    """``/openapi.json``이 한 경로 처리에 대해 적어 둔 상태 코드."""
    return set(client.get("/openapi.json").json()["paths"][path][method]["responses"])


def test_an_unknown_item_is_a_documented_404(
    client: TestClient, catalog: list[dict[str, Any]]
) -> None:
    """없는 상품의 `404`가 `/openapi.json`에 문서로 나와 있다."""
    response = client.get("/items/999")
    assert response.status_code == 404
    assert "404" in documented(client, "get", "/items/{item_id}")
