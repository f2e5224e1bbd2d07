"""/openapi.json의 스키마 예시: /docs가 보여 주는 곳에 있고, 하나하나가 유효하다."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .checks import added, stored
from .openapi import item_schema, json_body


def model_examples(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """아이템 스키마 자체의 ``examples``(``json_schema_extra``)."""
    return item_schema(schema).get("examples", [])


def operation_examples(schema: dict[str, Any]) -> dict[str, Any]:
    """``PUT /items/{item_id}`` 본문의 이름 붙은 예시(``openapi_examples``)."""
    return json_body(schema, "put", "/items/{item_id}").get("examples", {})


@pytest.mark.points(2)
def test_item_schema_carries_an_example(schema: dict[str, Any]) -> None:
    """상품 스키마에 예시(`json_schema_extra`)가 있다."""
    examples = model_examples(schema)
    assert examples
    assert all({"name", "price"} <= set(example) for example in examples)


@pytest.mark.points(2)
def test_every_schema_example_is_accepted_as_sent(
    client: TestClient, schema: dict[str, Any]
) -> None:
    """스키마의 예시는 모두 받아들여 보낸 그대로 저장한다."""
    before = stored(client)
    for example in model_examples(schema):
        response = client.post("/items", json=example)
        assert response.status_code in (200, 201), response.text  # the 201 is test_items.py's
        assert {key: response.json()[key] for key in example} == example
    assert len(added(client, before)) == len(model_examples(schema))


def test_put_offers_named_examples_with_summaries(schema: dict[str, Any]) -> None:
    """`PUT`에는 요약이 있는 이름 붙은 예시(`openapi_examples`)가 둘 이상 있다."""
    examples = operation_examples(schema)
    assert len(examples) >= 2
    for example in examples.values():
        assert example["summary"]
        assert {"name", "price"} <= set(example["value"])


def test_every_put_example_is_accepted(
    client: TestClient, created: dict[str, Any], schema: dict[str, Any]
) -> None:
    """`PUT`의 예시는 모두 받아들인다."""
    for example in operation_examples(schema).values():
        response = client.put(
            f"/items/{created['id']}", params={"dry_run": "true"}, json=example["value"]
        )
        assert response.status_code == 200, response.text
        assert {key: response.json()[key] for key in example["value"]} == example["value"]
