"""모든 라우트에 API 키가 필요한 라우터: 의존성은 라우터에 하나, 라우트마다 두지 않습니다."""

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
