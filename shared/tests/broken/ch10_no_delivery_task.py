"""Chapter 10 with a notification endpoint that forgets to register the delivery task.

It still stores the row, writes the audit line and answers 202; the email is never sent (until
a restart recovers the row). Everything else is the reference app's, so exactly the tests
that wait for a delivery must fail.
"""

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, FastAPI, Query, Request, Response, status
from pydantic import EmailStr

from chapters.ch10_background_tasks_and_testing.app import main as reference
from chapters.ch10_background_tasks_and_testing.app.audit import audit_entry, write_audit_entry
from chapters.ch10_background_tasks_and_testing.app.config import SettingsDep
from chapters.ch10_background_tasks_and_testing.app.database import SessionDep
from chapters.ch10_background_tasks_and_testing.app.errors import NOT_FOUND
from chapters.ch10_background_tasks_and_testing.app.models import Notification
from chapters.ch10_background_tasks_and_testing.app.routers import (
    items,
    maintenance,
    notifications,
    uploads,
    users,
)
from chapters.ch10_background_tasks_and_testing.app.schemas import NotificationAccepted

Base, celery_app, get_db, get_mailer, get_settings = (
    reference.Base,
    reference.celery_app,
    reference.get_db,
    reference.get_mailer,
    reference.get_settings,
)

router = APIRouter()


@router.post("/send-notification", status_code=status.HTTP_202_ACCEPTED)
def send_notification(
    email: Annotated[EmailStr, Query()],
    background_tasks: BackgroundTasks,
    request: Request,
    response: Response,
    db: SessionDep,
    settings: SettingsDep,
) -> NotificationAccepted:
    notification = Notification(email=email, message=notifications.WELCOME)
    db.add(notification)
    db.commit()
    # The bug: no background_tasks.add_task(deliver_notification, ...) here.
    background_tasks.add_task(
        write_audit_entry,
        settings.audit_log_path,
        audit_entry(request, "notification.requested", notification_id=notification.id),
    )
    response.headers["Location"] = f"/notifications/{notification.id}"
    return NotificationAccepted(message="알림이 요청되었습니다", id=notification.id)


router.add_api_route(
    "/notifications/{notification_id}",
    notifications.read_notification,
    responses=NOT_FOUND,  # as documented by the reference route
)

app = FastAPI(title=reference.app.title, lifespan=reference.lifespan)
for included in (router, items.router, users.router, uploads.router, maintenance.router):
    app.include_router(included)
# Everything else as the reference app has it: its middleware (body limits) and handlers.
app.user_middleware = list(reference.app.user_middleware)
app.exception_handlers.update(reference.app.exception_handlers)
