"""앱의 이벤트 기록: ``yield`` 의존성이 연결을 열고 닫은 단계를 읽는 곳."""

from fastapi import APIRouter

from ..resources import Event, EventLogDep

router = APIRouter(tags=["events"])


@router.get("/events", summary="연결 열기/닫기 기록 (최신이 마지막)")
def list_events(log: EventLogDep) -> list[Event]:
    return list(log)
