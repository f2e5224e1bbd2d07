"""``GET /items``의 선택·기본값 쿼리 파라미터: 없으면 알맞은 기본값이 쓰인다."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .checks import error_kinds, ids, is_a_run_of, parameter


@pytest.mark.points(2)
def test_no_query_parameters_gives_the_first_page_in_id_order(
    client: TestClient, catalog: list[dict[str, Any]]
) -> None:
    """쿼리 매개변수 없이 `GET /items`는 번호순 첫 페이지(크기 10)를 돌려준다."""
    response = client.get("/items")
    assert response.status_code == 200
    assert response.json() == {"items": catalog, "page": 1, "size": 10, "total": 7}


def test_default_size_is_ten(client: TestClient, catalog: list[dict[str, Any]]) -> None:
    """`size`의 기본값은 정말 10이다(상품이 25개일 때)."""
    catalog[:] = [
        {"id": n, "name": f"상품 {n}", "category": "food", "price": n * 100, "tags": []}
        for n in range(1, 26)
    ]
    body = client.get("/items").json()
    assert ids(body["items"]) == list(range(1, 11))
    assert (body["page"], body["size"], body["total"]) == (1, 10, 25)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("id", [1, 2, 3, 4, 5, 6, 7]),
        ("-id", [7, 6, 5, 4, 3, 2, 1]),
        ("price", [6, 5, 4, 1, 2, 7, 3]),
        ("-price", [3, 7, 2, 1, 4, 5, 6]),
        # Code point order: Latin capitals come before Hangul syllables.
        ("name", [2, 7, 4, 3, 6, 5, 1]),
    ],
)
def test_optional_sort_orders_the_list(
    client: TestClient, catalog: list[dict[str, Any]], sort: str, expected: list[int]
) -> None:
    """`sort`는 말한 대로 정렬한다(`-`는 내림차순).

    크기 3의 세 페이지를 이어 붙여 본다: 페이지 자르기는 ``test_pagination.py``가 채점한다."""
    got: list[int] = []
    for page in (1, 2, 3):
        response = client.get("/items", params={"sort": sort, "size": 3, "page": page})
        assert response.status_code == 200
        assert response.json()["total"] == 7
        got += ids(response.json()["items"])
    assert is_a_run_of(got, expected), (got, expected)


def test_sort_applies_before_the_page_is_cut(
    client: TestClient, catalog: list[dict[str, Any]]
) -> None:
    """정렬한 다음에 페이지를 자른다."""
    body = client.get("/items", params={"sort": "-price", "size": 2, "page": 2}).json()
    assert ids(body["items"]) == [2, 1]
    assert body["total"] == 7


@pytest.mark.parametrize("sort", ["cost", "PRICE", "--price", "price ", "name;drop", ""])
def test_sort_outside_the_pattern_is_422(client: TestClient, sort: str) -> None:
    """패턴에 맞지 않는 `sort`는 `422 string_pattern_mismatch`다."""
    response = client.get("/items", params={"sort": sort})
    assert error_kinds(response) == [("string_pattern_mismatch", ("query", "sort"))]


def test_docs_show_optional_and_default_parameters(schema: dict[str, Any]) -> None:
    """문서에 `page`, `size`, `sort`가 선택 사항으로, 기본값 1과 10이 나온다."""
    page = parameter(schema, "/items", "page")
    size = parameter(schema, "/items", "size")
    sort = parameter(schema, "/items", "sort")
    assert not any(p.get("required") for p in (page, size, sort))
    assert (page["schema"]["default"], size["schema"]["default"]) == (1, 10)
    assert "pattern" in str(sort["schema"])


def test_own_catalogue_is_served_when_nothing_overrides_it(client: TestClient) -> None:
    """오버라이드가 없으면 앱은 자기 상품 목록으로 올바른 첫 페이지를 돌려준다."""
    body = client.get("/items").json()
    assert body["items"]
    assert body["total"] >= len(body["items"])
    for item in body["items"]:
        assert set(item) == {"id", "name", "category", "price", "tags"}
        assert item["category"] in {"books", "electronics", "food"}
    assert ids(body["items"]) == sorted(ids(body["items"]))
