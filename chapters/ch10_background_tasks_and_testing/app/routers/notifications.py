"""``POST /send-notification`` (section 1 of the course text) and its status.

The route stores the notification, hands the delivery over and answers ``202 Accepted`` at
once: the email is sent after the response, and ``GET /notifications/{id}`` tells how that
went. ``TASK_BACKEND`` says who sends it: a background task of this process (the text's
``BackgroundTasks``, the default) or a Celery worker (``celery_tasks.py``). The audit line is a
background task either way, registered after the delivery so that it runs second.
"""

import logging
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
from sqlalchemy.orm import Session

from ..audit import audit_entry, write_audit_entry
from ..celery_tasks import enqueue_delivery
from ..config import Settings, SettingsDep
from ..database import SessionDep, SessionFactoryDep
from ..delivery import MAX_ERROR_LENGTH, deliver_notification
from ..mailer import MailerDep
from ..models import FAILED, Notification
from ..responses import MAX_ID, NOT_FOUND, QUEUE_DOWN
from ..schemas import NotificationAccepted, NotificationRead

NotificationId = Annotated[int, Path(ge=1, le=MAX_ID, description="알림 id")]

logger = logging.getLogger(__name__)

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

    if settings.task_backend == "celery":
        # On the broker before the 202: a worker sends it, whatever happens to this process.
        queue_delivery(db, notification, settings)
    else:
        # Positional argument (the id), then keyword arguments: the task's own session factory
        # (the request's session is closed before tasks run), the mailer and the settings.
        background_tasks.add_task(
            deliver_notification,
            notification.id,
            sessions=sessions,
            mailer=mailer,
            settings=settings,
        )
    # The audit line, a background task with either backend (after the delivery task, if any).
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


def queue_delivery(db: Session, notification: Notification, settings: Settings) -> None:
    """Enqueue the Celery job, or mark the row ``failed`` and answer 503 if the broker is down."""
    try:
        enqueue_delivery(settings, notification.id)
    except Exception as exc:  # kombu and redis raise several kinds: all mean "not queued"
        logger.exception("notification %s: the broker cannot be reached", notification.id)
        notification.status = FAILED
        notification.error = f"not queued: {type(exc).__name__}: {exc}"[:MAX_ERROR_LENGTH]
        db.commit()
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="알림 큐에 연결할 수 없어 메일을 보내지 못했습니다. 잠시 후 다시 요청하세요",
        ) from exc
