"""리스트 쿼리 파라미터: ``/items?tag=a&tag=b``는 태그를 모두 가진 아이템만 남긴다."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .checks import ids, parameter


def tagged(client: TestClient, *tags: str, **params: Any) -> dict[str, Any]:
    response = client.get("/items", params={"tag": list(tags), **params})
    assert response.status_code == 200
    return response.json()


def filtered(client: TestClient, catalog: list[dict[str, Any]], *tags: str) -> list[int]:
    """``?tag=...``로 거른 상품의 번호: ``total``이 맞고, 받은 상품은 그 태그를 모두 가진 상품이다.

    페이지가 어떻게 잘렸는지는 보지 않는다(그건 ``test_pagination.py``가 채점한다)."""
    body = tagged(client, *tags)
    expected = [item for item in catalog if set(tags) <= set(item["tags"])]
    assert body["total"] == len(expected), body
    assert all(item in expected for item in body["items"]), body["items"]
    return ids(expected)


def test_one_tag_filters_the_list(client: TestClient, catalog: list[dict[str, Any]]) -> None:
    """`?tag=python`은 그 태그가 있는 상품만 돌려준다."""
    assert filtered(client, catalog, "python") == [1, 2, 7]


@pytest.mark.points(2)
def test_repeated_tags_must_all_match(client: TestClient, catalog: list[dict[str, Any]]) -> None:
    """태그를 반복하면(`?tag=a&tag=b`) 모든 태그가 있는 상품만 남는다."""
    assert filtered(client, catalog, "python", "web") == [2]


def test_korean_tag_values(client: TestClient, catalog: list[dict[str, Any]]) -> None:
    """한국어 태그 값으로도 거른다."""
    assert filtered(client, catalog, "신상품") == [2, 4, 6]
    assert filtered(client, catalog, "신상품", "mobile") == [4]


def test_tags_that_no_item_has_give_an_empty_page(
    client: TestClient, catalog: list[dict[str, Any]]
) -> None:
    """어느 상품에도 없는 태그 조합은 빈 페이지다."""
    body = tagged(client, "python", "과일")
    assert (body["items"], body["total"]) == ([], 0)


def test_total_counts_the_filtered_items_not_the_page(
    client: TestClient, catalog: list[dict[str, Any]]
) -> None:
    """`total`은 한 페이지가 아니라 걸러진 상품 전체의 수다."""
    body = tagged(client, "신상품", size=2)
    assert len(body["items"]) <= 2
    assert body["total"] == 3


def test_docs_declare_tag_as_a_repeatable_array(schema: dict[str, Any]) -> None:
    """문서에 `tag`가 선택 사항인 문자열 배열 쿼리 매개변수로 나온다.

    ``list[str] = []``이면 배열 하나, ``list[str] | None = None``이면 배열 또는 ``null``이다.
    """
    tag = parameter(schema, "/items", "tag")
    assert tag["in"] == "query"
    assert not tag.get("required")
    arrays = [s for s in tag["schema"].get("anyOf", [tag["schema"]]) if s.get("type") == "array"]
    assert [array["items"]["type"] for array in arrays] == ["string"]
