"""The answers FastAPI cannot see, for the routes' ``responses=``; and the largest id.

A 404 or 409 raised in a route, a dependency's 401, and the 400 FastAPI answers by itself for
a body it cannot read (JSON that is not UTF-8, broken multipart) are not in ``/openapi.json``
unless a route lists them: these entries make ``/docs`` show them (``nox -s fuzz`` found each).
"""

from typing import Any

from .schemas import ErrorMessage

Responses = dict[int | str, dict[str, Any]]


def error(description: str, **extra: Any) -> dict[str, Any]:
    """One documented error answer: ``{"detail": "..."}`` with ``description``."""
    return {"model": ErrorMessage, "description": description, **extra}


NOT_FOUND: Responses = {404: error("없는 id (no such id)")}
UNREADABLE_BODY: Responses = {
    400: error("읽을 수 없는 본문: UTF-8이 아닌 JSON, 깨진 multipart (unreadable body)"),
    413: error("본문이 너무 큼: MAX_BODY_BYTES 초과, 읽기 전에 거절 (body too large)"),
}
NAME_TAKEN = "이미 사용 중인 사용자 이름입니다"
CONFLICT: Responses = {409: error("이미 사용 중인 사용자 이름 (username taken)")}
UNAUTHORIZED: Responses = {
    401: error(
        "토큰이 없거나 유효하지 않음, 로그인 실패 (missing or invalid token, wrong login)",
        headers={"WWW-Authenticate": {"description": "Bearer", "schema": {"type": "string"}}},
    )
}
BAD_UPLOAD: Responses = {
    400: error("파일 이름에 경로가 있거나 본문이 깨짐 (a path in the name, broken multipart)"),
    413: error("파일이 너무 큼: MAX_UPLOAD_BYTES 초과 (file too large)"),
}
QUEUE_DOWN: Responses = {
    503: error("TASK_BACKEND=celery인데 브로커에 연결할 수 없음, 메일 없음 (broker unreachable)")
}

# SQLite's INTEGER is 64-bit: an id outside it cannot exist, and the driver cannot even send it
# (an OverflowError, a 500, if it got that far). Ids start at 1, so the rest is a 422 as well.
MAX_ID = 2**63 - 1
