"""요청 본문 한도: 너무 큰 본문은 읽기 전에 ``413``으로 거절합니다.

업로드는 ``MAX_UPLOAD_BYTES``, 그 밖의 본문(JSON, 폼)은 ``MAX_BODY_BYTES``까지 받습니다."""

from fastapi import FastAPI, HTTPException, status
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .config import Settings, get_settings

# 파일을 둘러싼 multipart 틀(경계, 파트 헤더, 작은 필드)을 위한 여유
MULTIPART_OVERHEAD = 16 * 1024


def current_settings(scope: Scope) -> Settings:
    """경로 처리 함수가 보는 설정, 오버라이드 포함 (테스트는 ``get_settings``를 바꿉니다)."""
    app: FastAPI = scope["app"]
    settings: Settings = app.dependency_overrides.get(get_settings, get_settings)()
    return settings


def limit_for(headers: Headers, settings: Settings) -> int:
    if headers.get("content-type", "").lower().startswith("multipart/form-data"):
        return settings.max_upload_bytes + MULTIPART_OVERHEAD
    return settings.max_body_bytes


def too_large(limit: int) -> str:
    return f"요청 본문이 너무 큽니다: 최대 {limit}바이트 (request body too large)"


class BodyLimitMiddleware:
    """순수 ASGI 미들웨어: 본문이 들어오는 대로 세려면 ``receive``를 감싸야 합니다."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        limit = limit_for(headers, current_settings(scope))
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            response = JSONResponse(
                {"detail": too_large(limit)},
                status_code=status.HTTP_413_CONTENT_TOO_LARGE,
                headers={"Connection": "close"},  # 읽지 않은 본문은 건너뛸 수 없음
            )
            await response(scope, receive, send)
            return

        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:  # 경로가 본문을 읽는 곳에서 413이 됨
                    raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, too_large(limit))
            return message

        await self.app(scope, counting_receive, send)
