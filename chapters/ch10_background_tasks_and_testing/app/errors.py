"""FastAPI가 스스로 알 수 없는 응답(경로의 ``responses=``용)과 가장 큰 id.

경로의 404·409, 의존성의 401, 읽을 수 없는 본문의 400을 ``/docs``에 보여 줍니다."""

from typing import Any

from .schemas import ErrorMessage

Responses = dict[int | str, dict[str, Any]]


def error(description: str, **extra: Any) -> dict[str, Any]:
    """문서화한 에러 응답 하나: ``description``이 붙은 ``{"detail": "..."}``."""
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

# SQLite의 INTEGER는 64비트: 그 밖의 id는 있을 수 없고 드라이버가 보내지도 못합니다
# (보냈다면 OverflowError, 즉 500). id는 1부터이므로 나머지도 422입니다.
MAX_ID = 2**63 - 1
