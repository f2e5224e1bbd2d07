"""챕터 6: 앱 자체에 건 전역 의존성이 모든 라우트에 ``X-Request-ID``를 붙인다."""

import uuid

import pytest
from fastapi.testclient import TestClient


@pytest.mark.points(2)
def test_every_route_answers_with_a_new_request_id(client: TestClient) -> None:
    """모든 라우트가 요청마다 새 `X-Request-ID` 헤더로 답한다.

    The form of a new id is the solution's own (the README only asks for a new value)."""
    seen = set()
    for path in ["/items", "/items/1", "/search", "/nonces/cached", "/events"]:
        response = client.get(path)
        assert response.status_code == 200
        request_id = response.headers["x-request-id"]
        assert request_id.strip(), path
        seen.add(request_id)
    assert len(seen) == 5  # a new one every time


def test_a_callers_request_id_is_echoed(client: TestClient) -> None:
    """호출자가 보낸 `X-Request-ID`는 그대로 돌려준다.

    A standard UUID: the README's example of a value that is always well-formed."""
    sent = str(uuid.uuid4())
    response = client.get("/items", headers={"X-Request-ID": sent})
    assert response.status_code == 200
    assert response.headers["x-request-id"] == sent


@pytest.mark.parametrize(
    "value", [b"has space", b"x" * 65, "한글".encode()], ids=["space", "too-long", "non-ascii"]
)
def test_a_malformed_request_id_is_422(client: TestClient, value: bytes) -> None:
    """형식이 잘못된 `X-Request-ID`는 `422`이다."""
    response = client.get("/items", headers={"X-Request-ID": value})
    assert response.status_code == 422
    where, name = response.json()["detail"][0]["loc"]
    assert (where, name.lower()) == ("header", "x-request-id")  # an alias keeps its capitals
