"""``POST /send-notification`` (section 1 of the course text) and its status.

The route stores the notification, registers two background tasks in order (the delivery,
then the audit line) and answers ``202 Accepted`` at once: the email is sent after the
response, and ``GET /notifications/{id}`` tells how that went.
"""

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
from ..database import SessionDep, SessionFactoryDep
from ..delivery import deliver_notification
from ..mailer import MailerDep
from ..models import Notification
from ..responses import MAX_ID, NOT_FOUND
from ..schemas import NotificationAccepted, NotificationRead

NotificationId = Annotated[int, Path(ge=1, le=MAX_ID, description="알림 id")]

router = APIRouter(tags=["notifications"])

WELCOME = "환영합니다!"


@router.post("/send-notification", status_code=status.HTTP_202_ACCEPTED, summary="알림 메일 요청")
def send_notification(
    email: Annotated[EmailStr, Query(description="받는 사람 이메일 주소")],
    background_tasks: BackgroundTasks,
    request: Request,
    response: Response,
    db: SessionDep,
    sessions: SessionFactoryDep,
    mailer: MailerDep,
    settings: SettingsDep,
) -> NotificationAccepted:
    notification = Notification(email=email, message=WELCOME)
    db.add(notification)
    db.commit()  # stored before the response: a crash from here on loses no email

    # Positional argument (the id), then keyword arguments: the task's own session factory
    # (the request's session is closed before tasks run), the mailer and the settings.
    background_tasks.add_task(
        deliver_notification, notification.id, sessions=sessions, mailer=mailer, settings=settings
    )
    # A second task, run after the first one finishes: the audit line.
    background_tasks.add_task(
        write_audit_entry,
        settings.audit_log_path,
        audit_entry(request, "notification.requested", notification_id=notification.id),
    )

    response.headers["Location"] = request.app.url_path_for(
        "read_notification", notification_id=notification.id
    )
    return NotificationAccepted(message="알림이 요청되었습니다", id=notification.id)


@router.get("/notifications/{notification_id}", responses=NOT_FOUND, summary="알림 상태")
def read_notification(notification_id: NotificationId, db: SessionDep) -> NotificationRead:
    notification = db.get(Notification, notification_id)
    if notification is None:
        raise HTTPException(
            status.HTTP_404_NOT_FOUND, detail=f"알림 {notification_id}이(가) 없습니다"
        )
    return NotificationRead.model_validate(notification)
