"""챕터 9: 사용자 정의 미들웨어가 모든 응답에 ``X-Request-ID``(호출한 쪽의 값이 올바르면 그 값,
아니면 새 값)와 ``X-Process-Time``을 붙인다. 라우트가 만들지 않은 응답에도 붙는다.
"""

import re

import pytest
from fastapi.testclient import TestClient

from .support import NEW_REQUEST_ID, REQUEST_ID_PATTERN, TEXT


@pytest.mark.points(2)
def test_each_request_gets_a_new_request_id(client: TestClient) -> None:
    """요청마다 새 `X-Request-ID`가 붙는다."""
    ids = [client.get("/health").headers["x-request-id"] for _ in range(3)]
    assert all(re.fullmatch(NEW_REQUEST_ID, request_id) for request_id in ids)
    assert len(set(ids)) == 3


@pytest.mark.points(2)
def test_a_valid_request_id_from_the_client_is_echoed(client: TestClient) -> None:
    """클라이언트가 보낸 올바른 `X-Request-ID`는 그대로 돌아오고 라우트도 그 값을 본다."""
    response = client.get("/request-id", headers={"X-Request-ID": "frontend-42.retry_1"})
    assert response.headers["x-request-id"] == "frontend-42.retry_1"
    assert response.json() == {"request_id": "frontend-42.retry_1"}  # the route sees it too


@pytest.mark.parametrize(
    "sent",
    [
        pytest.param("has space", id="space"),
        pytest.param("x" * 65, id="too-long"),
        pytest.param("a;b=c", id="separators"),
        pytest.param("<script>", id="markup"),
        pytest.param("", id="empty"),
    ],
)
def test_an_invalid_request_id_is_replaced(client: TestClient, sent: str) -> None:
    """형식에 맞지 않는 `X-Request-ID`는 새 id로 바뀐다."""
    response = client.get("/request-id", headers={"X-Request-ID": sent})
    request_id = response.headers["x-request-id"]
    assert request_id != sent
    assert re.fullmatch(NEW_REQUEST_ID, request_id)
    assert response.json() == {"request_id": request_id}


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        pytest.param("GET", "/health", {}, 200, id="ok"),
        pytest.param("GET", "/nowhere", {}, 404, id="no-route"),
        pytest.param("DELETE", "/health", {}, 405, id="wrong-method"),
        pytest.param("POST", "/forms/contact", {"data": {}}, 422, id="invalid"),
        pytest.param(
            "POST", "/upload", {"files": {"file": ("a.html", TEXT, "text/html")}}, 415, id="refused"
        ),
    ],
)
def test_every_response_carries_both_headers(
    client: TestClient, method: str, path: str, kwargs: dict, status: int
) -> None:
    """200, 404, 405, 422, 415 응답 모두 `X-Request-ID`와 `X-Process-Time`을 가진다."""
    response = client.request(method, path, **kwargs)
    assert response.status_code == status
    assert re.fullmatch(REQUEST_ID_PATTERN, response.headers["x-request-id"])
    assert float(response.headers["x-process-time"]) >= 0


def test_a_body_refused_before_any_route_still_carries_both_headers(
    client: TestClient, request_limit: int
) -> None:
    """본문 한도 미들웨어가 직접 답한 413에도 두 헤더가 붙는다.

    크기 제한 미들웨어가 직접 413으로 답하고, 요청 id 미들웨어가 그 바깥을 감싼다.
    """
    response = client.post("/forms/contact", content=b"m" * (request_limit + 1))
    assert response.status_code == 413
    assert re.fullmatch(REQUEST_ID_PATTERN, response.headers["x-request-id"])
    assert float(response.headers["x-process-time"]) >= 0
