"""422 답은 거절한 입력을 앞부분만 돌려줍니다 (큰 본문이 그대로 되돌아오지 않게)."""

import json
from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

MAX_INPUT_CHARS = 100


def shortened(value: Any) -> Any:
    """긴 문자열이나 큰 목록·객체는 앞부분과 "…"가 됩니다."""
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value[: MAX_INPUT_CHARS * 4]).decode("utf-8", errors="replace")
    if isinstance(value, str):
        return value if len(value) <= MAX_INPUT_CHARS else value[:MAX_INPUT_CHARS] + "…"
    if isinstance(value, (dict, list, tuple)):
        text = json.dumps(jsonable_encoder(value), ensure_ascii=False)
        return value if len(text) <= MAX_INPUT_CHARS else text[:MAX_INPUT_CHARS] + "…"
    return value


async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI의 422 본문 그대로, 다만 각 에러의 ``input``은 짧게 자릅니다."""
    errors = [
        {**error, "input": shortened(error["input"])} if "input" in error else error
        for error in exc.errors()
    ]
    return JSONResponse(status_code=422, content={"detail": jsonable_encoder(errors)})
