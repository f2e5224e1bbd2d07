"""Handlers that keep every error body in one documented shape: ``{"detail": ...}``.

``detail`` is a string for every error a person reads (404, 405, 409); for 422 it is a list of
``{"loc", "msg", "type"}``. FastAPI's own 422 adds the rejected ``input`` (for a missing field,
the whole body) and ``ctx``: the handler drops them, so an answer never echoes what was sent.
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
