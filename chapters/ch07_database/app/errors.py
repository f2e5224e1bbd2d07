"""데이터베이스가 거부한 쓰기를 HTTP 응답으로 바꿉니다. 모든 라우트가 이 한 곳을 씁니다."""

from fastapi import Request, status
from fastapi.responses import JSONResponse

from .crud import DuplicateItemNameError


async def duplicate_name_handler(request: Request, exc: DuplicateItemNameError) -> JSONResponse:
    """409 Conflict: 요청은 올바르지만 이름이 이미 쓰이고 있습니다. 아무것도 저장하지 않았습니다."""
    return JSONResponse(
        status_code=status.HTTP_409_CONFLICT,
        content={"detail": f"이름이 '{exc.name}'인 아이템이 이미 있습니다."},
    )
