"""요청 본문 한도: 너무 큰 본문은 읽기 전에 ``413``으로 거절합니다.

선언된 ``Content-Length``가 한도를 넘으면 한 바이트도 읽지 않고, 길이를 밝히지 않은(chunked)
본문은 한도를 넘는 순간 끊습니다. 업로드(multipart)의 한도는 ``MAX_UPLOAD_BYTES``, 그 밖의 본문
(JSON, 폼)은 ``MAX_BODY_BYTES``입니다.
"""

from fastapi import FastAPI, HTTPException, status
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .config import Settings, get_settings

# Room for the multipart framing around the file: boundaries, part headers, small fields.
MULTIPART_OVERHEAD = 16 * 1024


def current_settings(scope: Scope) -> Settings:
    """The settings the routes see, overrides included (tests swap ``get_settings``)."""
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
    """A pure ASGI middleware: it must wrap ``receive`` to count the body as it arrives."""

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
                headers={"Connection": "close"},  # the unread body cannot be skipped
            )
            await response(scope, receive, send)
            return

        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:  # raised where the route reads its body: the 413
                    raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, too_large(limit))
            return message

        await self.app(scope, counting_receive, send)
