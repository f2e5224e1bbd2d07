"""챕터 1: HTTP 메서드마다 하나씩 만든 첫 라우트와, 잘못된 요청이 받는 응답."""

import pytest
from fastapi.testclient import TestClient


@pytest.mark.points(2)
def test_root_returns_json_message(client: TestClient) -> None:
    """`GET /`는 비어 있지 않은 `message`가 든 JSON을 돌려준다."""
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    message = response.json()["message"]
    assert isinstance(message, str)
    assert message.strip()


@pytest.mark.points(2)
def test_health_check_reports_ok(client: TestClient) -> None:
    """`GET /health`는 `{"status": "ok"}`를 돌려준다."""
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize(
    ("method", "expected_status"),
    [("GET", 200), ("POST", 201), ("PUT", 200), ("PATCH", 200)],
)
def test_each_http_method_has_its_own_path_operation(
    client: TestClient, method: str, expected_status: int
) -> None:
    """`/methods`는 HTTP 메서드마다 자기 경로 처리 함수로 답한다(`POST`는 `201`)."""
    response = client.request(method, "/methods")
    assert response.status_code == expected_status
    body = response.json()
    assert body["method"] == method
    if method != "POST":  # the README shows POST's body as {"method": "POST", ...}
        assert isinstance(body["meaning"], str)
        assert body["meaning"].strip()


def test_delete_answers_204_with_empty_body(client: TestClient) -> None:
    """`DELETE /methods`는 본문 없는 `204`로 답한다."""
    response = client.delete("/methods")
    assert response.status_code == 204
    assert response.content == b""


class TestBadRequests:
    """라우트가 없는 요청은 500이 아니라 JSON ``detail``이 든 4xx를 받는다."""

    @pytest.mark.parametrize("path", ["/nope", "/health/extra", "/methods/1"])
    def test_unknown_path_is_404(self, client: TestClient, path: str) -> None:
        """없는 경로는 JSON `detail`이 있는 `404`다."""
        response = client.get(path)
        assert response.status_code == 404
        assert response.json()["detail"]  # README: a JSON detail; its wording is FastAPI's

    @pytest.mark.parametrize(("method", "path"), [("POST", "/"), ("DELETE", "/health")])
    def test_wrong_method_is_405_with_allow_header(
        self, client: TestClient, method: str, path: str
    ) -> None:
        """경로는 있지만 메서드가 틀리면 `Allow` 헤더가 있는 `405`다."""
        response = client.request(method, path)
        assert response.status_code == 405
        assert response.json()["detail"]
        assert "GET" in response.headers["allow"]  # the path's one method, as the README says
