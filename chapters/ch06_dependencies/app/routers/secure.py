"""A router whose every route requires the API key: one dependency on the router, none per route."""

from fastapi import APIRouter, Depends

from ..catalog import CATALOG
from ..config import SettingsDep
from ..schemas import Report
from ..security import verify_api_key

router = APIRouter(
    prefix="/secure",
    tags=["secure"],
    dependencies=[Depends(verify_api_key)],
    responses={
        401: {"description": "X-API-Key 헤더 없음"},
        403: {"description": "틀린 API 키"},
        503: {"description": "서버에 API_KEY가 설정되지 않음"},
    },
)


@router.get("/report", summary="재고 보고서 (API 키 필요)")
def report(settings: SettingsDep) -> Report:
    return Report(
        app_name=settings.app_name,
        items=len(CATALOG),
        total_value=sum(item.price for item in CATALOG),
    )


@router.get("/ping", summary="API 키 확인용")
def ping() -> dict[str, bool]:
    return {"authenticated": True}
