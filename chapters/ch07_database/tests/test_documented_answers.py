"""Every answer is in ``/openapi.json``: the regressions ``nox -s fuzz`` found.

The routes with a JSON body did not list the 400 FastAPI answers by itself for a body it cannot
decode (bytes that are not UTF-8; JSON that does not parse is a 422).
"""

import pytest
from fastapi.testclient import TestClient

from .databases import TestDatabase

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
    client: TestClient, db: TestDatabase, method: str, url: str, path: str
) -> None:
    created = client.post("/items", json={"name": "연필", "price": 500}).json()
    response = client.request(
        method,
        url.format(id=created["id"]),
        content=NOT_UTF8,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    responses = client.get("/openapi.json").json()["paths"][path][method.lower()]["responses"]
    assert "400" in responses
    assert db.rows() == [created]  # nothing stored, nothing changed
