"""``Enum`` 경로 매개변수: ``/categories/{category}``는 세 값 중 하나만 받는다."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .checks import validation_errors

LABELS = {"books": "도서", "electronics": "전자제품", "food": "식품"}


@pytest.mark.parametrize("category", sorted(LABELS))
def test_each_category_lists_its_items(
    client: TestClient, catalog: list[dict[str, Any]], category: str
) -> None:
    """`GET /categories/{category}`는 그 카테고리의 상품과 한국어 이름(label)을 돌려준다."""
    response = client.get(f"/categories/{category}")
    assert response.status_code == 200
    assert response.json() == {
        "category": category,
        "label": LABELS[category],
        "items": [item for item in catalog if item["category"] == category],
    }


def test_category_without_items_is_an_empty_list(
    client: TestClient, catalog: list[dict[str, Any]]
) -> None:
    """상품이 하나도 없는 카테고리는 빈 리스트 `items: []`로 답한다."""
    catalog[:] = [item for item in catalog if item["category"] != "food"]
    response = client.get("/categories/food")
    assert response.status_code == 200
    assert response.json() == {"category": "food", "label": "식품", "items": []}


@pytest.mark.parametrize("raw", ["toys", "Books", "book", "1"])
def test_value_outside_the_enum_is_422_naming_the_allowed_ones(
    client: TestClient, raw: str
) -> None:
    """`Enum`에 없는 카테고리는 허용 값을 알려 주는 `422 enum`이다."""
    [error] = validation_errors(client.get(f"/categories/{raw}"))
    assert error["type"] == "enum"
    assert error["loc"] == ["path", "category"]
    # Pydantic names them in the Enum's own order, which the README leaves to the solution.
    assert all(f"'{value}'" in error["msg"] for value in LABELS)


def test_docs_list_the_allowed_values(schema: dict[str, Any]) -> None:
    """문서(`/openapi.json`)에 카테고리의 허용 값이 나온다."""
    [category] = schema["paths"]["/categories/{category}"]["get"]["parameters"]
    ref = category["schema"]["$ref"].removeprefix("#/components/schemas/")
    assert sorted(schema["components"]["schemas"][ref]["enum"]) == sorted(LABELS)
