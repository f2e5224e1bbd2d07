"""챕터 9: 설정에 적힌 명시적 출처 목록을 쓰는 ``CORSMiddleware``.

허용된 출처는 앱 자체에서 읽는다: 앱의 ``CORSMiddleware``에 넘긴 ``allow_origins``.
"""

import pytest
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.testclient import TestClient

OTHER_ORIGIN = "https://evil.example"


def allowed_origins(app: FastAPI) -> list[str]:
    """앱의 명시적 출처 목록. 없으면 테스트가 실패한다."""
    given = [
        list(middleware.kwargs.get("allow_origins", ()))
        for middleware in app.user_middleware
        if middleware.cls is CORSMiddleware
    ]
    assert given, "앱에 CORSMiddleware가 없습니다: app.add_middleware(CORSMiddleware, ...)"
    [origins] = given
    assert origins, "CORSMiddleware의 allow_origins가 비어 있습니다"
    assert "*" not in origins, 'allow_origins는 "*"가 아니라 출처 목록이어야 합니다'
    assert OTHER_ORIGIN not in origins
    return origins


def preflight(client: TestClient, origin: str):
    return client.options(
        "/upload",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )


@pytest.mark.points(2)
def test_preflight_from_an_allowed_origin_passes(app: FastAPI, client: TestClient) -> None:
    """허용된 출처의 preflight는 200이고 그 출처, `POST`, `content-type`을 허용한다."""
    for origin in allowed_origins(app):
        response = preflight(client, origin)
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == origin
        assert "POST" in response.headers["access-control-allow-methods"]
        assert "content-type" in response.headers["access-control-allow-headers"].lower()


@pytest.mark.points(2)
def test_preflight_from_another_origin_gets_no_allow_origin(
    app: FastAPI, client: TestClient
) -> None:
    """목록에 없는 출처의 preflight는 400이고 `access-control-allow-origin`이 없다."""
    allowed_origins(app)
    response = preflight(client, OTHER_ORIGIN)
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.points(2)
def test_a_simple_request_exposes_the_middleware_headers_to_allowed_origins(
    app: FastAPI, client: TestClient
) -> None:
    """허용된 출처에만 `X-Request-ID`와 `X-Process-Time`을 읽을 수 있게 드러낸다."""
    origin = allowed_origins(app)[0]
    allowed = client.get("/health", headers={"Origin": origin})
    assert allowed.headers["access-control-allow-origin"] == origin
    exposed = allowed.headers["access-control-expose-headers"].lower()
    assert "x-request-id" in exposed
    assert "x-process-time" in exposed
    other = client.get("/health", headers={"Origin": OTHER_ORIGIN})
    assert other.status_code == 200  # CORS is the browser's rule; the server still answers
    assert "access-control-allow-origin" not in other.headers
