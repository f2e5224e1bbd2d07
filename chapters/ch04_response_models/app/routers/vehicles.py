"""A response that is one of two models: ``Car | Plane``, told apart by ``type``."""

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
    """A plane keeps its ``size``; a car has none. The schema documents both shapes."""
    if vehicle_id not in VEHICLES:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, detail=f"차량을 찾을 수 없습니다: {vehicle_id}"
        )
    return VEHICLES[vehicle_id]
