"""``page``/``size`` 페이지 처리: 잘라 내기, 목록의 끝, 두 값의 범위."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from .checks import error_kinds, ids, validation_errors


@pytest.mark.parametrize(("page", "expected"), [(1, [1, 2, 3]), (2, [4, 5, 6]), (3, [7])])
def test_pages_cut_the_list_in_order(
    client: TestClient, catalog: list[dict[str, Any]], page: int, expected: list[int]
) -> None:
    """`page`와 `size`로 목록을 순서대로 나눈다."""
    response = client.get("/items", params={"page": page, "size": 3})
    assert response.status_code == 200
    body = response.json()
    assert ids(body["items"]) == expected
    assert (body["page"], body["size"], body["total"]) == (page, 3, 7)


def test_page_past_the_end_is_empty_not_an_error(
    client: TestClient, catalog: list[dict[str, Any]]
) -> None:
    """마지막 페이지 뒤의 페이지는 오류가 아니라 빈 페이지다."""
    response = client.get("/items", params={"page": 4, "size": 3})
    assert response.status_code == 200
    assert response.json() == {"items": [], "page": 4, "size": 3, "total": 7}


def test_empty_catalogue_gives_an_empty_page(
    client: TestClient, catalog: list[dict[str, Any]]
) -> None:
    """상품이 없으면 빈 페이지를 돌려준다."""
    catalog.clear()
    response = client.get("/items")
    assert response.status_code == 200
    assert response.json() == {"items": [], "page": 1, "size": 10, "total": 0}


@pytest.mark.parametrize(("size", "expected"), [(1, [1]), (100, [1, 2, 3, 4, 5, 6, 7])])
def test_size_at_its_bounds_is_accepted(
    client: TestClient, catalog: list[dict[str, Any]], size: int, expected: list[int]
) -> None:
    """`size`는 경계값 1과 100을 받아들인다."""
    response = client.get("/items", params={"size": size})
    assert response.status_code == 200
    assert ids(response.json()["items"]) == expected
    assert response.json()["size"] == size


@pytest.mark.parametrize(
    ("params", "kind", "msg"),
    [
        ({"page": 0}, "greater_than_equal", "Input should be greater than or equal to 1"),
        ({"page": -3}, "greater_than_equal", "Input should be greater than or equal to 1"),
        ({"size": 0}, "greater_than_equal", "Input should be greater than or equal to 1"),
        ({"size": 101}, "less_than_equal", "Input should be less than or equal to 100"),
    ],
)
def test_page_and_size_out_of_bounds_are_422(
    client: TestClient, params: dict[str, int], kind: str, msg: str
) -> None:
    """범위 밖의 `page`와 `size`는 정확한 `type`, `loc`, `msg`가 있는 `422`다."""
    [error] = validation_errors(client.get("/items", params=params))
    [name] = params
    assert (error["type"], error["loc"], error["msg"]) == (kind, ["query", name], msg)


@pytest.mark.parametrize("params", [{"page": "two"}, {"size": "1.5"}, {"page": ""}])
def test_page_and_size_must_be_integers(client: TestClient, params: dict[str, str]) -> None:
    """정수가 아닌 `page`와 `size`는 `422 int_parsing`이다."""
    [name] = params
    assert error_kinds(client.get("/items", params=params)) == [("int_parsing", ("query", name))]


def test_every_bad_value_is_reported_at_once(client: TestClient) -> None:
    """잘못된 값이 둘이면 `422`에 오류 두 개가 한꺼번에 나온다."""
    response = client.get("/items", params={"page": 0, "size": 101})
    assert error_kinds(response) == [
        ("greater_than_equal", ("query", "page")),
        ("less_than_equal", ("query", "size")),
    ]
