"""모든 응답이 ``/openapi.json``에 적혀 있다: ``nox -s fuzz``가 찾아낸 회귀.

JSON 본문을 받는 라우트에 디코딩할 수 없는 본문(UTF-8이 아님)의 400이 빠져 있었다.
"""

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from .databases import Saved

NOT_UTF8 = b'{"name": "\xff\xfe", "price": 500}'


@pytest.mark.parametrize(
    ("method", "url", "path"),
    [
        ("POST", "/items", "/items"),
        ("PUT", "/items/{id}", "/items/{item_id}"),
        ("PATCH", "/items/{id}", "/items/{item_id}"),
    ],
)
def test_a_body_that_is_not_utf8_is_a_documented_400(
    client: TestClient,
    saved: Saved,
    unique: Callable[..., str],
    method: str,
    url: str,
    path: str,
) -> None:
    """UTF-8이 아닌 본문은 400이고 `/openapi.json`에 적혀 있으며, 아무것도 바뀌지 않는다."""
    created = client.post("/items", json={"name": unique(), "price": 500}).json()
    response = client.request(
        method,
        url.format(id=created["id"]),
        content=NOT_UTF8,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    responses = client.get("/openapi.json").json()["paths"][path][method.lower()]["responses"]
    assert "400" in responses
    saved.are(created)  # nothing stored, nothing changed
