"""챕터 6: ``yield`` 의존성은 요청이 끝날 때마다 연결을 닫는다.

``event_log`` fixture가 기록을 이 테스트의 목록으로 바꾸고, 마지막 테스트는 앱의 기록을 읽는다.
"""

from typing import Any

import pytest
from fastapi.testclient import TestClient


def steps(log: list[dict[str, Any]]) -> list[tuple[Any, str]]:
    return [(entry["connection"], entry["event"]) for entry in log]


@pytest.mark.points(2)
def test_connection_is_opened_then_closed_around_a_request(
    client: TestClient, event_log: list[dict[str, Any]]
) -> None:
    """`yield` 의존성은 요청 앞에서 연결을 열고 뒤에서 닫는다."""
    response = client.get("/items/3")
    assert response.status_code == 200
    assert response.json()["id"] == 3  # the name and price are the solution's own
    number = event_log[0]["connection"]
    assert steps(event_log) == [(number, "open"), (number, "close")]


@pytest.mark.points(2)
def test_connection_is_closed_when_the_endpoint_raises(
    client: TestClient, event_log: list[dict[str, Any]]
) -> None:
    """엔드포인트가 `404`를 던져도 오류를 기록한 뒤 연결을 닫는다."""
    response = client.get("/items/999")
    assert response.status_code == 404
    assert response.json()["detail"]  # the README promises a detail, not its words
    number = event_log[0]["connection"]
    assert steps(event_log) == [(number, "open"), (number, "error"), (number, "close")]
    assert event_log[1]["error"].isidentifier()  # the exception's class name, not its text


def test_an_id_below_1_is_422(client: TestClient) -> None:
    """1보다 작은 id는 404가 아니라 `item_id`를 가리키는 `422`다."""
    response = client.get("/items/0")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["path", "item_id"]


def test_each_request_gets_its_own_connection(
    client: TestClient, event_log: list[dict[str, Any]]
) -> None:
    """요청마다 자기 연결을 받는다."""
    client.get("/items/1")
    client.get("/items/2")
    opened = [entry["connection"] for entry in event_log if entry["event"] == "open"]
    closed = [entry["connection"] for entry in event_log if entry["event"] == "close"]
    assert len(set(opened)) == 2
    assert opened == closed


def test_the_apps_own_log_shows_the_clean_up(client: TestClient) -> None:
    """재정의 없이도 `GET /events`에 연결을 열고 닫은 기록이 보인다.

    오버라이드 없이 ``GET /events``가 의존성이 쓴 기록을 읽는다(최신이 마지막이고,
    앞 요청의 단계도 남아 있을 수 있다).
    """
    assert client.get("/items/1").status_code == 200
    assert client.get("/items/999").status_code == 404
    events = client.get("/events").json()[-5:]
    assert [entry["event"] for entry in events] == ["open", "close", "open", "error", "close"]
    assert events[0]["connection"] == events[1]["connection"]
    assert events[2]["connection"] == events[3]["connection"] == events[4]["connection"]
    assert events[0]["connection"] != events[2]["connection"]
