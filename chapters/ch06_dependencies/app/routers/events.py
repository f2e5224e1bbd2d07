"""The app's event log: where the ``yield`` dependency's open/close steps can be read."""

from fastapi import APIRouter

from ..resources import Event, EventLogDep

router = APIRouter(tags=["events"])


@router.get("/events", summary="연결 열기/닫기 기록 (최신이 마지막)")
def list_events(log: EventLogDep) -> list[Event]:
    return list(log)
