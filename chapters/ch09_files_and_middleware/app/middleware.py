"""The app's own middleware: a request id and a timing header, and a cap on the body size.

Middleware wraps every request, matched route or not (404s and 413s get the headers too),
which a dependency cannot do: dependencies run only for a matched route.
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

# A caller's own id is kept if it is short and plain: it ends up in our logs and headers.
REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,64}")


async def request_id_and_timing(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """``X-Request-ID`` (the caller's, if valid, else a new uuid4) and ``X-Process-Time``."""
    incoming = request.headers.get("X-Request-ID", "")
    request_id = incoming if REQUEST_ID_PATTERN.fullmatch(incoming) else uuid.uuid4().hex
    request.state.request_id = request_id  # routes and logs can use it
    start = time.perf_counter()
    response = await call_next(request)
    elapsed = time.perf_counter() - start
    response.headers["X-Request-ID"] = request_id
    response.headers["X-Process-Time"] = f"{elapsed:.6f}"  # seconds
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
    """413 for a request body over ``max_bytes``, before the endpoint has parsed it.

    A declared ``Content-Length`` over the limit is refused at once: not one byte of the body
    is read. A body without one (chunked) is counted as it arrives and refused the moment it
    passes the limit. Either way Starlette's multipart parser never spools more than the
    limit to memory or to its temporary files.

    A pure ASGI middleware, because it must wrap ``receive``; ``@app.middleware("http")``
    only sees the request and the response.
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
                if received > self.max_bytes:
                    # Raised where the endpoint reads its body: FastAPI turns it into the 413.
                    raise HTTPException(status.HTTP_413_CONTENT_TOO_LARGE, self.too_large())
            return message

        await self.app(scope, counting_receive, send)
