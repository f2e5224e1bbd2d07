"""``POST /maintenance/cleanup``: 로그인한 사용자가 요청하고, 응답 뒤에 실행합니다."""

from fastapi import APIRouter, BackgroundTasks, status

from ..audit import AuditDep
from ..cleanup import cleanup_expired
from ..config import SettingsDep
from ..database import SessionFactoryDep
from ..errors import UNAUTHORIZED
from ..schemas import Message
from ..security import CurrentUserDep

router = APIRouter(prefix="/maintenance", tags=["maintenance"])


@router.post(
    "/cleanup",
    status_code=status.HTTP_202_ACCEPTED,
    responses=UNAUTHORIZED,
    summary="정리 작업 요청",
)
def request_cleanup(
    user: CurrentUserDep,
    background_tasks: BackgroundTasks,
    sessions: SessionFactoryDep,
    settings: SettingsDep,
    audit: AuditDep,
) -> Message:
    background_tasks.add_task(
        cleanup_expired,
        sessions=sessions,
        upload_dir=settings.upload_dir,
        upload_ttl_seconds=settings.upload_ttl_seconds,
        notification_ttl_seconds=settings.notification_ttl_seconds,
    )
    audit.record("maintenance.cleanup", username=user.username)
    return Message(message="정리 작업이 요청되었습니다")
