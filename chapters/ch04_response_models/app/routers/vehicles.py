"""두 모델 중 하나인 응답: ``Car | Plane``, ``type``으로 구별합니다."""

from typing import Any

from fastapi import APIRouter, HTTPException, status

from ..catalog import VEHICLES
from ..schemas import Vehicle

router = APIRouter(prefix="/vehicles", tags=["vehicles"])


@router.get(
    "/{vehicle_id}",
    response_model=Vehicle,
    responses={404: {"description": "없는 차량"}},
    summary="차량 하나 (Car 또는 Plane)",
)
def read_vehicle(vehicle_id: int) -> Any:
    """비행기는 ``size``를 유지하고 자동차에는 없습니다. 스키마는 두 모양을 모두 문서화합니다."""
    if vehicle_id not in VEHICLES:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, detail=f"차량을 찾을 수 없습니다: {vehicle_id}"
        )
    return VEHICLES[vehicle_id]
