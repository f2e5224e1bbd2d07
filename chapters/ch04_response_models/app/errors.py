"""거부된 입력을 빼는 422: 잘못된 가입이 비밀번호를 되돌려 보내면 안 됩니다.

FastAPI 기본 모양에서 ``input``만 뺍니다(이유는 README의 "엔드포인트").
"""

from typing import Any

from fastapi import Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

# JSON 본문이 있는 라우트의 ``responses=``에 씁니다. UTF-8이 아닌 본문에는 FastAPI가 스스로
# 400으로 응답합니다(깨진 JSON은 422).
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
