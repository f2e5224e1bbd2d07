"""Turn the database's refusals into HTTP answers, in one place for every route."""

from fastapi import Request, status
from fastapi.responses import JSONResponse

from .crud import DuplicateItemNameError


async def duplicate_name_handler(request: Request, exc: DuplicateItemNameError) -> JSONResponse:
    """409 Conflict: the request was valid, but the name is taken (nothing was stored)."""
    return JSONResponse(
        status_code=status.HTTP_409_CONFLICT,
        content={"detail": f"이름이 '{exc.name}'인 아이템이 이미 있습니다."},
    )
