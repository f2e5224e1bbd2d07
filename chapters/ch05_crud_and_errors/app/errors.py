"""에러: 저장소의 도메인 예외(HTTP를 모름)와, 에러 본문을 ``{"detail": ...}``로 맞추는 처리기.

``DuplicateNameError``는 라우트가, ``OutOfStockError``는 등록된 처리기가 409로 바꿉니다.
422 처리기는 ``input``과 ``ctx``를 빼서 보낸 값을 되돌려 보내지 않습니다(README 참고)."""

from fastapi import FastAPI, Request, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse


class DuplicateNameError(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class OutOfStockError(Exception):
    def __init__(self, item_id: int, requested: int, available: int) -> None:
        super().__init__(item_id, requested, available)
        self.item_id = item_id
        self.requested = requested
        self.available = available


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
