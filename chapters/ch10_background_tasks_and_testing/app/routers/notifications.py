"""``POST /send-notification``(본문 1절): 행을 저장하고, 발송을 ``add_task``로 맡기고, 바로 ``202``.

보내는 곳(이 프로세스 또는 Celery)은 ``DeliveriesDep``가 정합니다(``dispatch.py``)."""

from typing import Annotated

from fastapi import (
    APIRouter,
    BackgroundTasks,
    HTTPException,
    Path,
    Query,
    Request,
    Response,
    status,
)
from pydantic import EmailStr

from ..audit import audit_entry, write_audit_entry
from ..config import SettingsDep
from ..database import SessionDep
from ..delivery import deliver_notification
from ..dispatch import DeliveriesDep
from ..errors import MAX_ID, NOT_FOUND, QUEUE_DOWN
from ..models import Notification
from ..schemas import NotificationAccepted, NotificationRead

router = APIRouter(tags=["notifications"])

WELCOME = "환영합니다!"


@router.post(
    "/send-notification",
    status_code=status.HTTP_202_ACCEPTED,
    responses=QUEUE_DOWN,
    summary="알림 메일 요청",
)
def send_notification(
    email: Annotated[EmailStr, Query(description="받는 사람 이메일 주소")],
    db: SessionDep,
    deliveries: DeliveriesDep,
    background_tasks: BackgroundTasks,
    request: Request,
    response: Response,
    settings: SettingsDep,
) -> NotificationAccepted:
    notification = Notification(email=email, message=WELCOME)
    db.add(notification)
    db.commit()  # 응답 전에 저장: 여기서부터 죽어도 메일을 잃지 않음
    deliveries.add_task(deliver_notification, notification.id)

    # 감사 로그 줄: 어느 백엔드든 백그라운드 작업(발송 작업이 있으면 그 뒤에)
    entry = audit_entry(request, "notification.requested", notification_id=notification.id)
    background_tasks.add_task(write_audit_entry, settings.audit_log_path, entry)
    response.headers["Location"] = request.app.url_path_for(
        "read_notification", notification_id=notification.id
    )
    return NotificationAccepted(message="알림이 요청되었습니다", id=notification.id)


NotificationId = Annotated[int, Path(ge=1, le=MAX_ID, description="알림 id")]


@router.get("/notifications/{notification_id}", responses=NOT_FOUND, summary="알림 상태")
def read_notification(notification_id: NotificationId, db: SessionDep) -> NotificationRead:
    notification = db.get(Notification, notification_id)
    if notification is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, detail=f"알림 {notification_id}이(가) 없습니다"
        )
    return NotificationRead.model_validate(notification)
