"""챕터 6: 함수 의존성(검색어)과 클래스 의존성(페이지 처리)."""

from typing import Any

import pytest
from fastapi.testclient import TestClient


def names(body: dict) -> list[str]:
    return [item["name"] for item in body["items"]]


def catalog(client: TestClient) -> list[dict[str, Any]]:
    """The solution's own 12 items, read one by one (README: ids 1-12; names are its own).

    Through ``GET /items/{id}``, not the list: a paging mistake is the paging tests' to grade."""
    return [client.get(f"/items/{number}").json() for number in range(1, 13)]


def matching(items: list[dict[str, Any]], term: str) -> list[str]:
    """The names a search for ``term`` finds: those containing it, case-folded (README)."""
    folded = term.strip().casefold()
    return [item["name"] for item in items if folded in item["name"].casefold()]


def found_as_expected(body: dict, expected: list[str]) -> None:
    """``total`` counts every match and the page shows only matches (which of them, and how
    many, is the paging tests' to grade)."""
    assert body["total"] == len(expected), (body, expected)
    assert set(names(body)) <= set(expected), (body, expected)


def a_cased_name(items: list[dict[str, Any]]) -> str | None:
    """A name with ASCII letters, whose swapped case a search must still find (or ``None``)."""
    for item in items:
        name = item["name"]
        letters = [char for char in name if char.upper() != char.lower()]
        if letters and all(char.isascii() for char in letters) and len(name) <= 40:
            return name
    return None


def a_shared_term(items: list[dict[str, Any]]) -> str:
    """A two-letter part of a name that the most names contain: a partial match."""
    parts = {
        name[i : i + 2]
        for name in (item["name"] for item in items)
        for i in range(len(name) - 1)
        if name[i : i + 2].strip() == name[i : i + 2]
    }
    return max(sorted(parts), key=lambda part: len(matching(items, part)))


class TestSearchTermFunction:
    """``search_term``: ``q``의 앞뒤 공백을 없애고 소문자로 바꾸는 함수 의존성."""

    @pytest.mark.points(2)
    def test_q_is_trimmed_and_case_folded_before_filtering(self, client: TestClient) -> None:
        """검색어 `q`는 앞뒤 공백을 지우고 대소문자를 맞춘 뒤 걸러진다.

        The catalog is the solution's own: what a search finds is worked out from its items."""
        items = catalog(client)
        response = client.get("/items", params={"q": "  USB "})
        assert response.status_code == 200
        body = response.json()
        assert body["q"] == "usb"
        found_as_expected(body, matching(items, "usb"))

        name = a_cased_name(items)
        if name is not None:  # a name with letters: the same name in the other case finds it
            body = client.get("/items", params={"q": f"  {name.swapcase()} "}).json()
            assert body["q"] == name.swapcase().casefold()
            found_as_expected(body, matching(items, name))
            assert body["total"] >= 1

        term = a_shared_term(items)  # a part of names finds every name that contains it
        found_as_expected(client.get("/items", params={"q": term}).json(), matching(items, term))

    def test_blank_q_means_no_filter(self, client: TestClient) -> None:
        """공백뿐인 `q`는 걸러 내지 않아 12개 모두 나온다."""
        everything = client.get("/items").json()
        blank = client.get("/items", params={"q": "   "}).json()
        assert blank["q"] is None
        assert blank["total"] == everything["total"] == 12

    def test_too_long_q_is_422_naming_the_parameter(self, client: TestClient) -> None:
        """50자를 넘는 `q`는 `q`를 가리키는 `422`이다."""
        response = client.get("/items", params={"q": "x" * 51})
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["query", "q"]


class TestPaginationClass:
    """``Pagination``: ``__init__``이 ``page``와 ``size``를 선언하는 클래스 의존성."""

    @pytest.mark.points(2)
    def test_page_and_size_select_a_slice_and_total_counts_all(self, client: TestClient) -> None:
        """`page`와 `size`는 해당 구간만 돌려주고 `total`은 전체 개수를 센다."""
        response = client.get("/items", params={"page": 2, "size": 5})
        assert response.status_code == 200
        body = response.json()
        assert (body["page"], body["size"], body["total"]) == (2, 5, 12)
        assert [item["id"] for item in body["items"]] == [6, 7, 8, 9, 10]

    def test_defaults_are_page_1_size_10_and_past_the_end_is_empty(
        self, client: TestClient
    ) -> None:
        """기본값은 `page=1`, `size=10`이고, 끝을 넘은 페이지는 빈 목록이다."""
        first = client.get("/items").json()
        assert (first["page"], first["size"]) == (1, 10)
        assert [item["id"] for item in first["items"]] == list(range(1, 11))
        past = client.get("/items", params={"page": 3, "size": 10}).json()
        assert past["items"] == []
        assert past["total"] == 12

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"page": 0}, "page"),
            ({"size": 0}, "size"),
            ({"size": 51}, "size"),
            ({"page": "x"}, "page"),
        ],
        ids=["page-0", "size-0", "size-51", "page-not-a-number"],
    )
    def test_bad_page_or_size_is_422(self, client: TestClient, params: dict, field: str) -> None:
        """잘못된 `page`나 `size`는 그 매개변수를 가리키는 `422`이다."""
        response = client.get("/items", params=params)
        assert response.status_code == 422
        detail = response.json()["detail"]
        assert [error["loc"] for error in detail] == [["query", field]]
        assert detail[0]["msg"]
