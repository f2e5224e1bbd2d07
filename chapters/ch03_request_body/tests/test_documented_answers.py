"""모든 응답이 ``/openapi.json``에 있다: ``nox -s fuzz``가 찾은 회귀.

없는 id의 404와, 디코딩할 수 없는 본문(UTF-8이 아닌 바이트)에 FastAPI가 답하는 400이 빠져 있었다.
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .checks import stored, unknown_id

NOT_UTF8 = b'{"name": "\xff\xfe", "price": 1000}'


def documented(schema: dict[str, Any], method: str, path: str) -> set[str]:
    """``/openapi.json``이 한 경로 처리에 대해 적어 둔 상태 코드."""
    return set(schema["paths"][path][method.lower()]["responses"])


@pytest.mark.parametrize(
    ("method", "body"), [("GET", None), ("PUT", {"name": "무선 키보드", "price": 59000})]
)
def test_an_unknown_id_is_a_documented_404(
    client: TestClient, schema: dict[str, Any], method: str, body: dict[str, Any] | None
) -> None:
    """없는 번호의 `404`가 `/openapi.json`에 문서로 나와 있다."""
    response = client.request(method, f"/items/{unknown_id(client)}", json=body)
    assert response.status_code == 404
    assert "404" in documented(schema, method, "/items/{item_id}")


@pytest.mark.parametrize(
    ("method", "url", "path"),
    [
        ("POST", "/items", "/items"),
        ("POST", "/items/bulk", "/items/bulk"),
        ("PUT", "/items/{id}", "/items/{item_id}"),
    ],
)
def test_a_body_that_is_not_utf8_is_a_documented_400(
    client: TestClient,
    schema: dict[str, Any],
    created: dict[str, Any],
    method: str,
    url: str,
    path: str,
) -> None:
    """UTF-8이 아닌 본문은 문서에 나온 `400`이고 아무것도 바꾸지 않는다."""
    before = stored(client)
    response = client.request(
        method,
        url.format(id=created["id"]),
        content=NOT_UTF8,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert "400" in documented(schema, method, path)
    assert stored(client) == before  # nothing stored, nothing changed
