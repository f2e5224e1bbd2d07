"""Every answer is in ``/openapi.json``: the regressions ``nox -s fuzz`` found.

The routes with a JSON body did not list the 400 FastAPI answers by itself for a body it cannot
decode (bytes that are not UTF-8; JSON that does not parse is a 422).
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
