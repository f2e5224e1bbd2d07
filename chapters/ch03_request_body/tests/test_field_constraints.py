"""``Field`` 제약: 각 경계는 한계값에서 통과하고 그 바로 바깥에서 실패한다."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .bodies import MINIMAL
from .checks import added, stored, validation_errors
from .openapi import item_schema


def post(client: TestClient, **fields: Any) -> Any:
    return client.post("/items", json={**MINIMAL, **fields})


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"name": "감"}, id="name-1-char"),
        pytest.param({"name": "가" * 50}, id="name-50-chars"),
        pytest.param({"price": 0.01}, id="price-just-above-0"),
        pytest.param({"price": 1_000_000}, id="price-1000000"),
        pytest.param({"description": "설" * 300}, id="description-300-chars"),
        pytest.param({"tags": [f"t{n}" for n in range(10)]}, id="10-tags"),
        pytest.param({"discount_price": 0.01}, id="discount-just-above-0"),
    ],
)
def test_values_at_the_limits_are_accepted(client: TestClient, fields: dict[str, Any]) -> None:
    """`Field` 제약의 경계값은 받아들여 그대로 저장한다."""
    before = stored(client)
    response = post(client, **fields)
    assert response.status_code in (200, 201), response.text  # the 201 is test_items.py's
    [item] = added(client, before)
    assert {key: item[key] for key in fields} == fields


@pytest.mark.parametrize(
    ("fields", "kind", "msg"),
    [
        pytest.param(
            {"name": ""}, "string_too_short", "String should have at least 1 character",
            id="name-empty",
        ),
        pytest.param(
            {"name": "가" * 51}, "string_too_long", "String should have at most 50 characters",
            id="name-51-chars",
        ),
        pytest.param({"price": 0}, "greater_than", "Input should be greater than 0", id="price-0"),
        pytest.param(
            {"price": -1000}, "greater_than", "Input should be greater than 0", id="price-negative",
        ),
        pytest.param(
            {"price": 1_000_000.01}, "less_than_equal",
            "Input should be less than or equal to 1000000", id="price-above-max",
        ),
        pytest.param(
            {"description": "설" * 301}, "string_too_long",
            "String should have at most 300 characters", id="description-301-chars",
        ),
        pytest.param(
            {"tags": [f"t{n}" for n in range(11)]}, "too_long",
            "List should have at most 10 items after validation, not 11", id="11-tags",
        ),
        pytest.param(
            {"discount_price": 0}, "greater_than", "Input should be greater than 0",
            id="discount-0",
        ),
    ],
)  # fmt: skip
def test_values_past_the_limits_are_422(
    client: TestClient, fields: dict[str, Any], kind: str, msg: str
) -> None:
    """경계를 하나 넘은 값은 정확한 `type`, `loc`, `msg`가 있는 `422`이고 저장되지 않는다."""
    before = stored(client)
    [error] = validation_errors(post(client, **fields))
    [field] = fields
    assert (error["type"], error["loc"], error["msg"]) == (kind, ["body", field], msg)
    assert stored(client) == before


def test_every_broken_constraint_is_reported_at_once(client: TestClient) -> None:
    """어긴 제약이 여럿이면 `422`에 한꺼번에 나온다."""
    before = stored(client)
    response = client.post("/items", json={"name": "", "price": 0, "description": "설" * 301})
    assert sorted(error["loc"][-1] for error in validation_errors(response)) == [
        "description",
        "name",
        "price",
    ]
    assert stored(client) == before


def test_docs_show_the_constraints(schema: dict[str, Any]) -> None:
    """문서에 필수 필드와 `name`, `price`의 범위가 나온다."""
    item = item_schema(schema)
    assert sorted(item["required"]) == ["name", "price"]
    name, price = item["properties"]["name"], item["properties"]["price"]
    assert (name["minLength"], name["maxLength"]) == (1, 50)
    assert (price["exclusiveMinimum"], price["maximum"]) == (0, 1_000_000)
