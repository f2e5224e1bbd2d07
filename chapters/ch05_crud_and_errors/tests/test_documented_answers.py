"""Every answer is in ``/openapi.json``: the regressions ``nox -s fuzz`` found.

The routes with a JSON body did not list the 400 FastAPI answers by itself for a body it cannot
decode (bytes that are not UTF-8; JSON that does not parse is a 422). It is an error like the
others: ``{"detail": "<message>"}``, documented as ``ErrorMessage``.
"""

import pytest
from fastapi.testclient import TestClient

from .helpers import all_items, assert_detail_message, create_item

NOT_UTF8 = b'{"name": "\xff\xfe", "price": 1000, "quantity": 1}'


@pytest.mark.parametrize(
    ("method", "url", "path"),
    [
        ("POST", "/items", "/items"),
        ("PUT", "/items/{id}", "/items/{item_id}"),
        ("PATCH", "/items/{id}", "/items/{item_id}"),
        ("POST", "/items/{id}/purchase", "/items/{item_id}/purchase"),
    ],
)
def test_a_body_that_is_not_utf8_is_a_documented_400(
    client: TestClient, method: str, url: str, path: str
) -> None:
    """UTF-8이 아닌 본문은 `/openapi.json`에 적힌 `400`이고 아무것도 바뀌지 않는다."""
    existing = create_item(client, "라떼", 5000, stock=3)
    before = all_items(client)
    response = client.request(
        method,
        url.format(id=existing["id"]),
        content=NOT_UTF8,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert_detail_message(response)
    assert all_items(client) == before  # nothing stored, nothing changed
    assert existing in before

    schema = client.get("/openapi.json").json()
    documented = schema["paths"][path][method.lower()]["responses"]["400"]
    error_model = documented["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert schema["components"]["schemas"][error_model]["properties"]["detail"]["type"] == "string"
