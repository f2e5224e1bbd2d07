"""``GET /search``: a required ``q`` with ``min_length``/``max_length``, an optional Enum filter."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .checks import error_kinds, ids, validation_errors

Q = ("query", "q")


@pytest.mark.points(2)
def test_korean_text_finds_matching_names(
    client: TestClient, catalog: list[dict[str, Any]]
) -> None:
    """ "감귤" is two characters: exactly ``min_length``, however many bytes it takes."""
    response = client.get("/search", params={"q": "감귤"})
    assert response.status_code == 200
    assert response.json() == {"q": "감귤", "category": None, "results": catalog[4:6]}


@pytest.mark.parametrize("q", ["python", "PYTHON", "PyThOn"])
def test_search_ignores_case(client: TestClient, catalog: list[dict[str, Any]], q: str) -> None:
    body = client.get("/search", params={"q": q}).json()
    assert ids(body["results"]) == [7]
    assert body["q"] == q


def test_no_match_is_an_empty_list(client: TestClient, catalog: list[dict[str, Any]]) -> None:
    response = client.get("/search", params={"q": "없는 상품"})
    assert response.status_code == 200
    assert response.json() == {"q": "없는 상품", "category": None, "results": []}


@pytest.mark.points(2)
def test_q_is_required(client: TestClient, catalog: list[dict[str, Any]]) -> None:
    [error] = validation_errors(client.get("/search"))
    assert (error["type"], error["loc"], error["msg"]) == ("missing", list(Q), "Field required")


def test_fifty_characters_is_the_longest_accepted(
    client: TestClient, catalog: list[dict[str, Any]]
) -> None:
    response = client.get("/search", params={"q": "가" * 50})
    assert response.status_code == 200
    assert response.json()["results"] == []


@pytest.mark.parametrize(
    ("q", "kind"),
    [
        pytest.param("가", "string_too_short", id="one-korean-char"),
        pytest.param("a", "string_too_short", id="one-latin-char"),
        pytest.param("", "string_too_short", id="empty"),
        pytest.param("가" * 51, "string_too_long", id="fifty-one-chars"),
    ],
)
def test_length_outside_the_bounds_is_422(
    client: TestClient, catalog: list[dict[str, Any]], q: str, kind: str
) -> None:
    assert error_kinds(client.get("/search", params={"q": q})) == [(kind, Q)]


@pytest.mark.parametrize(
    ("category", "expected"),
    [("food", [5, 6]), ("electronics", [])],
)
def test_optional_category_narrows_the_results(
    client: TestClient, catalog: list[dict[str, Any]], category: str, expected: list[int]
) -> None:
    body = client.get("/search", params={"q": "감귤", "category": category}).json()
    assert body["category"] == category
    assert ids(body["results"]) == expected


def test_category_outside_the_enum_is_422(
    client: TestClient, catalog: list[dict[str, Any]]
) -> None:
    response = client.get("/search", params={"q": "감귤", "category": "fruit"})
    assert error_kinds(response) == [("enum", ("query", "category"))]
