"""422 answers without the rejected input: a bad sign-up must not echo its password back.

FastAPI's default handler puts each error's ``input`` in the answer; for a missing field that is
the whole body, password included. This handler keeps FastAPI's shape minus ``input``.
(Chapter 5 builds a full error format on the same idea.)
"""

from typing import Any

from fastapi import Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

# For the ``responses=`` of routes with a JSON body: FastAPI answers 400 by itself for a body it
# cannot even decode (bytes that are not UTF-8); JSON that does not parse is a 422.
UNREADABLE_BODY: dict[int | str, dict[str, Any]] = {
    400: {"description": "읽을 수 없는 본문 (UTF-8이 아님)"}
}


async def validation_error_without_input(
    request: Request, exc: RequestValidationError
) -> JSONResponse:
    errors = [
        {key: value for key, value in error.items() if key != "input"} for error in exc.errors()
    ]
    return JSONResponse(
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        content=jsonable_encoder({"detail": errors}),
    )
