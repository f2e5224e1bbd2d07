"""모든 에러 본문을 문서화된 한 가지 모양 ``{"detail": ...}``으로 맞추는 예외 처리기.

422 처리기는 ``input``과 ``ctx``를 빼서 보낸 값을 되돌려 보내지 않습니다(README 참고).
"""

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from .exceptions import OutOfStockError


async def validation_error_handler(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [
        {"loc": list(error["loc"]), "msg": error["msg"], "type": error["type"]}
        for error in exc.errors()
    ]
    return JSONResponse(
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT, content={"detail": errors}
    )


async def out_of_stock_handler(request: Request, exc: OutOfStockError) -> JSONResponse:
    detail = (
        f"재고가 부족합니다: 아이템 {exc.item_id}, "
        f"요청 {exc.requested}개, 남은 재고 {exc.available}개"
    )
    return JSONResponse(status_code=status.HTTP_409_CONFLICT, content={"detail": detail})


def register_error_handlers(app: FastAPI) -> None:
    app.exception_handler(RequestValidationError)(validation_error_handler)
    app.exception_handler(OutOfStockError)(out_of_stock_handler)
