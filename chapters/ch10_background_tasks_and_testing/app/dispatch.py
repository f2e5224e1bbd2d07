"""발송 방법 고르기: ``TASK_BACKEND``에 따라 같은 ``add_task``가 이 프로세스나 Celery 큐로 보냅니다.

경로는 ``deliveries.add_task(deliver_notification, id)``만 알고, 백엔드는 의존성이 고릅니다."""

import logging
from collections.abc import Callable
from typing import Annotated, Any, Protocol

from fastapi import BackgroundTasks, Depends, HTTPException, status
from sqlalchemy.orm import Session

from .celery_tasks import enqueue_delivery
from .config import Settings, SettingsDep
from .database import SessionDep, SessionFactoryDep
from .delivery import MAX_ERROR_LENGTH
from .mailer import MailerDep
from .models import FAILED, Notification

logger = logging.getLogger(__name__)


class Deliveries(Protocol):
    """알림 하나의 발송을 맡깁니다. ``BackgroundTasks.add_task``와 같은 모양입니다."""

    def add_task(self, task: Callable[..., Any], notification_id: int) -> None: ...


class InProcess:
    """``TASK_BACKEND=background``: 응답을 보낸 뒤 이 프로세스에서 보냅니다(본문 1절)."""

    def __init__(self, background_tasks: BackgroundTasks, **context: Any) -> None:
        self.background_tasks = background_tasks
        self.context = context  # 작업 전용 세션 팩토리, 메일러, 설정

    def add_task(self, task: Callable[..., Any], notification_id: int) -> None:
        # 요청의 세션은 작업 전에 닫히므로 작업은 자기 세션 팩토리를 받습니다.
        self.background_tasks.add_task(task, notification_id, **self.context)


class CeleryQueue:
    """``TASK_BACKEND=celery``: 202 전에 브로커에 넣습니다. 이 프로세스가 죽어도 워커가 보냅니다."""

    def __init__(self, db: Session, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    def add_task(self, task: Callable[..., Any], notification_id: int) -> None:
        # task는 워커의 같은 이름 작업(DELIVER_TASK)이 합니다: 여기서는 id만 보냅니다.
        try:
            enqueue_delivery(self.settings, notification_id)
        except Exception as exc:  # kombu와 redis의 여러 예외: 모두 "큐에 못 넣음"
            logger.exception("notification %s: the broker cannot be reached", notification_id)
            self.mark_not_queued(notification_id, exc)
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE,
                detail="알림 큐에 연결할 수 없어 메일을 보내지 못했습니다. 잠시 후 다시 요청하세요",
            ) from exc

    def mark_not_queued(self, notification_id: int, exc: Exception) -> None:
        notification = self.db.get(Notification, notification_id)
        if notification is not None:
            notification.status = FAILED
            notification.error = f"not queued: {type(exc).__name__}: {exc}"[:MAX_ERROR_LENGTH]
            self.db.commit()


def get_deliveries(
    background_tasks: BackgroundTasks,
    db: SessionDep,
    sessions: SessionFactoryDep,
    mailer: MailerDep,
    settings: SettingsDep,
) -> Deliveries:
    """설정의 백엔드에 맞는 ``Deliveries``."""
    if settings.task_backend == "celery":
        return CeleryQueue(db, settings)
    return InProcess(background_tasks, sessions=sessions, mailer=mailer, settings=settings)


DeliveriesDep = Annotated[Deliveries, Depends(get_deliveries)]
