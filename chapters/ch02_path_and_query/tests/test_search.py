"""``GET /search``: ``min_length``/``max_length``가 붙은 필수 ``q``와 선택 Enum 필터."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .checks import error_kinds, ids, validation_errors

Q = ("query", "q")


@pytest.mark.points(2)
def test_korean_text_finds_matching_names(
    client: TestClient, catalog: list[dict[str, Any]]
) -> None:
    """`?q=감귤`은 이름에 감귤이 든 상품을 모두 찾는다.

    "감귤"은 두 글자로 ``min_length``와 딱 같다. 바이트 수와는 상관없다.
    """
    response = client.get("/search", params={"q": "감귤"})
    assert response.status_code == 200
    assert response.json() == {"q": "감귤", "category": None, "results": catalog[4:6]}


@pytest.mark.parametrize("q", ["python", "PYTHON", "PyThOn"])
def test_search_ignores_case(client: TestClient, catalog: list[dict[str, Any]], q: str) -> None:
    """검색은 대소문자를 가리지 않는다."""
    body = client.get("/search", params={"q": q}).json()
    assert ids(body["results"]) == [7]
    assert body["q"] == q


def test_no_match_is_an_empty_list(client: TestClient, catalog: list[dict[str, Any]]) -> None:
    """맞는 상품이 없으면 `results`가 빈 리스트다."""
    response = client.get("/search", params={"q": "없는 상품"})
    assert response.status_code == 200
    assert response.json() == {"q": "없는 상품", "category": None, "results": []}


@pytest.mark.points(2)
def test_q_is_required(client: TestClient) -> None:
    """`q`가 없으면 `422 missing`이다."""
    [error] = validation_errors(client.get("/search"))
    assert (error["type"], error["loc"], error["msg"]) == ("missing", list(Q), "Field required")


def test_fifty_characters_is_the_longest_accepted(client: TestClient) -> None:
    """50글자 `q`까지 받아들인다."""
    q = "가" * 50
    response = client.get("/search", params={"q": q})
    assert response.status_code == 200
    body = response.json()
    assert body["q"] == q
    assert all(q in item["name"] for item in body["results"])  # whatever the items are


@pytest.mark.parametrize(
    ("q", "kind"),
    [
        pytest.param("가", "string_too_short", id="one-korean-char"),
        pytest.param("a", "string_too_short", id="one-latin-char"),
        pytest.param("", "string_too_short", id="empty"),
        pytest.param("가" * 51, "string_too_long", id="fifty-one-chars"),
    ],
)
def test_length_outside_the_bounds_is_422(client: TestClient, q: str, kind: str) -> None:
    """1글자, 빈 문자열, 51글자 `q`는 `422`다."""
    assert error_kinds(client.get("/search", params={"q": q})) == [(kind, Q)]


@pytest.mark.parametrize(
    ("category", "expected"),
    [("food", [5, 6]), ("electronics", [])],
)
def test_optional_category_narrows_the_results(
    client: TestClient, catalog: list[dict[str, Any]], category: str, expected: list[int]
) -> None:
    """선택 사항인 `category`가 검색 결과를 좁힌다."""
    body = client.get("/search", params={"q": "감귤", "category": category}).json()
    assert body["category"] == category
    assert ids(body["results"]) == expected


def test_category_outside_the_enum_is_422(client: TestClient) -> None:
    """`Enum`에 없는 `category`는 `422 enum`이다."""
    response = client.get("/search", params={"q": "감귤", "category": "fruit"})
    assert error_kinds(response) == [("enum", ("query", "category"))]
