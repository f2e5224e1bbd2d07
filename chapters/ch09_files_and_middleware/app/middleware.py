"""앱의 미들웨어: 요청 ID와 처리 시간 헤더, 그리고 본문 크기 한도.

미들웨어는 맞는 라우트가 없는 요청(404, 413)도 감싸므로 의존성으로는 할 수 없습니다.
"""

import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable

from fastapi import HTTPException, Request, Response, status
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger(__name__)

# 보낸 id는 짧고 평범할 때만 씁니다. 로그와 헤더에 그대로 들어가기 때문입니다.
REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,64}")


async def request_id_and_timing(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """``X-Request-ID``(올바르면 보낸 값, 아니면 새 uuid4)와 ``X-Process-Time``을 붙입니다."""
    incoming = request.headers.get("X-Request-ID", "")
    request_id = incoming if REQUEST_ID_PATTERN.fullmatch(incoming) else uuid.uuid4().hex
    request.state.request_id = request_id  # 라우트와 로그가 쓸 수 있게
    start = time.perf_counter()
    response = await call_next(request)
    elapsed = time.perf_counter() - start
    response.headers["X-Request-ID"] = request_id
    response.headers["X-Process-Time"] = f"{elapsed:.6f}"  # 초
    logger.info(
        "%s %s -> %d in %.1f ms [%s]",
        request.method,
        request.url.path,
        response.status_code,
        elapsed * 1000,
        request_id,
    )
    return response


class BodySizeLimitMiddleware:
    """``max_bytes``를 넘는 요청 본문은 엔드포인트가 파싱하기 전에 413입니다.

    ``receive``를 감싸야 하므로 순수 ASGI 미들웨어입니다(README의 "더 나아가기").
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def too_large(self) -> str:
        return f"요청 본문이 너무 큽니다: 최대 {self.max_bytes} bytes (request body too large)."

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            response = JSONResponse(
                {"detail": self.too_large()},
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
                if received > self.max_bytes:
                    # 엔드포인트가 본문을 읽는 자리에서 올라가고, FastAPI가 413으로 바꿉니다.
                    raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, self.too_large())
            return message

        await self.app(scope, counting_receive, send)
