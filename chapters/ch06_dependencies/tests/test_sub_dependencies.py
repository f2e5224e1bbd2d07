"""챕터 6: 하위 의존성, ``/search``는 ``q``가 없으면 지난 검색의 쿠키를 쓴다.

``query_or_cookie``는 ``search_term``에 의존하므로 검색어가 ``/items``와 똑같이 다듬어진다.
"""

import pytest
from fastapi.testclient import TestClient

from .test_function_and_class import catalog, found_as_expected, matching


@pytest.mark.points(2)
def test_a_search_is_remembered_and_reused_without_q(client: TestClient) -> None:
    """검색어는 쿠키에 기억되어 `q` 없는 다음 `/search`에 다시 쓰인다.

    A term that is not ASCII, as a cookie must carry it (percent-encoded); the catalog is the
    solution's own, so what it finds is worked out from its items."""
    expected = matching(catalog(client), "연필")
    first = client.get("/search", params={"q": "연필"})
    assert first.status_code == 200
    assert first.json()["source"] == "query"
    found_as_expected(first.json(), expected)
    assert "last_query" in first.cookies

    again = client.get("/search")  # the client sends the cookie back
    assert again.status_code == 200
    body = again.json()
    assert (body["q"], body["source"]) == ("연필", "cookie")
    found_as_expected(body, expected)


def test_q_wins_over_the_cookie_and_is_cleaned_by_the_inner_dependency(client: TestClient) -> None:
    """`q`가 있으면 쿠키보다 우선하고, 안쪽 의존성이 정리한다."""
    expected = matching(catalog(client), "usb")
    client.get("/search", params={"q": "연필"})
    response = client.get("/search", params={"q": " USB "})
    body = response.json()
    assert (body["q"], body["source"]) == ("usb", "query")
    found_as_expected(body, expected)


def test_no_q_and_no_cookie_finds_nothing(client: TestClient) -> None:
    """`q`도 쿠키도 없으면 아무것도 찾지 않는다."""
    body = client.get("/search").json()
    assert (body["q"], body["source"], body["total"], body["items"]) == (None, None, 0, [])


@pytest.mark.parametrize("cookie", ["%20%20", "y" * 60], ids=["blank", "too-long"])
def test_a_bad_cookie_is_ignored_not_refused(client: TestClient, cookie: str) -> None:
    """잘못된 `last_query` 쿠키는 `422`가 아니라 무시된다."""
    client.cookies.set("last_query", cookie)
    response = client.get("/search")
    assert response.status_code == 200
    assert response.json()["source"] is None


def test_too_long_q_is_422_from_the_inner_dependency(client: TestClient) -> None:
    """`/search`의 너무 긴 `q`는 `422`이고 쿠키를 설정하지 않는다."""
    response = client.get("/search", params={"q": "x" * 51})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "q"]
    assert "last_query" not in response.cookies
