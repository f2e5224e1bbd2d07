"""챕터 4: 응답의 헤더와 쿠키, ``Response``로 설정하거나 직접 만든 응답에 붙이기."""

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from http.cookies import Morsel, SimpleCookie

import pytest
from fastapi.testclient import TestClient


def theme_cookie(set_cookie: str) -> Morsel:
    """``Set-Cookie`` 헤더의 ``theme`` 쿠키와 그 속성."""
    cookies = SimpleCookie()
    cookies.load(set_cookie)
    return cookies["theme"]


class TestThemeCookie:
    @pytest.mark.points(2)
    def test_put_sets_an_http_only_cookie(self, client: TestClient) -> None:
        """`PUT /preferences/theme`는 `HttpOnly`·`SameSite`·`Max-Age`가 붙은 쿠키를 설정한다."""
        response = client.put("/preferences/theme", json={"theme": "dark"})
        assert response.status_code == 200
        assert response.json() == {"theme": "dark"}
        cookie = theme_cookie(response.headers["set-cookie"])
        assert cookie.value == "dark"
        assert cookie["httponly"] is True
        assert cookie["path"] == "/"
        assert cookie["samesite"].lower() == "lax"
        assert int(cookie["max-age"]) >= 60 * 60 * 24  # remembered for a day at least

    def test_the_cookie_comes_back_on_the_next_request(self, client: TestClient) -> None:
        """설정한 쿠키가 다음 요청에 돌아와 그 테마를 읽는다."""
        client.put("/preferences/theme", json={"theme": "dark"})
        response = client.get("/preferences/theme")
        assert response.status_code == 200
        assert response.json() == {"theme": "dark"}

    def test_without_the_cookie_the_theme_is_light(self, client: TestClient) -> None:
        """쿠키가 없으면 테마는 `light`이다."""
        response = client.get("/preferences/theme")
        assert response.status_code == 200
        assert response.json() == {"theme": "light"}

    def test_an_unknown_cookie_value_falls_back_to_light(self, client: TestClient) -> None:
        """모르는 쿠키 값이면 테마는 `light`이다."""
        client.cookies.set("theme", "blue")
        assert client.get("/preferences/theme").json() == {"theme": "light"}

    @pytest.mark.parametrize("body", [{"theme": "blue"}, {"theme": None}, {}])
    def test_bad_theme_is_422_and_sets_no_cookie(self, client: TestClient, body: dict) -> None:
        """잘못된 테마 본문은 `422`이고 쿠키를 설정하지 않는다."""
        response = client.put("/preferences/theme", json=body)
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["body", "theme"]
        assert "set-cookie" not in response.headers
        assert client.get("/preferences/theme").json() == {"theme": "light"}

    @pytest.mark.points(2)
    def test_delete_answers_204_and_expires_the_cookie(self, client: TestClient) -> None:
        """`DELETE /preferences/theme`는 `204`로 답하고 쿠키를 만료시킨다."""
        client.put("/preferences/theme", json={"theme": "dark"})
        response = client.delete("/preferences/theme")
        assert response.status_code == 204
        assert response.content == b""
        cookie = theme_cookie(response.headers["set-cookie"])
        assert cookie.value == ""
        assert cookie["path"] == "/"
        expired = cookie["max-age"] in (0, "0") or (
            cookie["expires"]
            and parsedate_to_datetime(cookie["expires"]) <= datetime.now(timezone.utc)
        )
        assert expired
        assert client.get("/preferences/theme").json() == {"theme": "light"}


def test_a_built_response_carries_its_own_headers(client: TestClient) -> None:
    """직접 만든 `JSONResponse`는 `Cache-Control`, `Content-Language` 헤더를 그대로 담는다."""
    response = client.get("/notice")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-language"] == "ko"
    assert isinstance(response.json(), dict)  # the body is the solution's own JSON object
