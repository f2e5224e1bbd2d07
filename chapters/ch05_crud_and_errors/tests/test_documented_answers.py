"""모든 응답이 ``/openapi.json``에 있다: ``nox -s fuzz``가 찾은 회귀.

디코딩할 수 없는 본문에 FastAPI가 답하는 400(``ErrorMessage``)이 빠져 있었다.
"""

import pytest
from fastapi.testclient import TestClient

from .helpers import assert_detail_message, assert_nothing_stored_after, create_item

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
    response = client.request(
        method,
        url.format(id=existing["id"]),
        content=NOT_UTF8,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert_detail_message(response)
    assert client.get(f"/items/{existing['id']}").json() == existing  # nothing changed
    assert_nothing_stored_after(client, existing)  # nothing stored

    schema = client.get("/openapi.json").json()
    documented = schema["paths"][path][method.lower()]["responses"]["400"]
    error_model = documented["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert schema["components"]["schemas"][error_model]["properties"]["detail"]["type"] == "string"
