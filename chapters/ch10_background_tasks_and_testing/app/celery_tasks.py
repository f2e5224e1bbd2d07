"""``TASK_BACKEND=celery``: 발송을 Redis 브로커 위의 Celery 작업으로 넣고, 워커가 보냅니다.

워커는 background 백엔드와 같은 ``deliver``를 실행합니다. 실행 명령은 README에 있습니다."""

import functools
from typing import Any

from celery import Celery
from sqlalchemy.orm import Session, sessionmaker

from .config import Settings, get_settings
from .database import get_engine
from .delivery import deliver
from .mailer import get_mailer

DELIVER_TASK = "ch10.deliver_notification"  # 작업 이름: 웹 쪽이 큐에 넣는 것

# 브로커가 죽어 있으면 발행은 1초쯤 뒤에 포기합니다: 요청이 기다리고 있습니다.
PUBLISH_RETRY_POLICY = {"max_retries": 3, "interval_start": 0, "interval_step": 0.2}
BROKER_TIMEOUT = 5  # 브로커에 연결하거나 기다리는 시간(초)


def celery_config(broker_url: str, visibility: int | None = None) -> dict[str, Any]:
    """양쪽의 설정: 웹 쪽은 발행하고, 워커는 소비합니다.

    ``visibility``(``CELERY_VISIBILITY_TIMEOUT``)가 있으면 죽은 워커의 작업을 다시 나눠 줍니다."""
    transport = {"socket_connect_timeout": BROKER_TIMEOUT, "socket_timeout": BROKER_TIMEOUT}
    if visibility is not None:
        transport |= {
            "visibility_timeout": visibility,
            # 죽은 워커의 작업을 visibility timeout마다 열 번 찾습니다(1분에서 1초 사이 간격).
            # kombu의 기본값은 100초마다입니다.
            "unacked_restore_interval": max(1, min(60, visibility // 10)),
            "unacked_restore_throttle": 1,
        }
    return {
        "broker_url": broker_url,
        "broker_connection_timeout": BROKER_TIMEOUT,
        "broker_connection_retry_on_startup": True,
        "broker_transport_options": transport,
        "task_acks_late": True,  # 발송 전이 아니라 발송 뒤에 확인
        "task_reject_on_worker_lost": True,  # prefork 풀: 죽은 자식 프로세스의 작업을 되돌림
        "worker_prefetch_multiplier": 1,  # 실행하는 것보다 많은 작업을 미리 가져가지 않음
        "task_ignore_result": True,  # 결과는 Celery 결과가 아니라 행의 상태
    }


def worker_config() -> dict[str, Any]:
    settings = get_settings()
    return celery_config(settings.celery_broker_url, settings.celery_visibility_timeout)


# 워커의 앱. 설정은 처음 필요할 때 읽으므로, 이 모듈을 가져오기만 해서는(웹 쪽이 그렇게
# 합니다) 환경을 읽지 않습니다.
celery_app = Celery("ch10_background_tasks_and_testing")
celery_app.add_defaults(worker_config)


@functools.cache
def worker_sessions() -> sessionmaker[Session]:
    """워커의 세션, ``DATABASE_URL`` 위에서 (테이블은 처음 쓸 때 만듭니다)."""
    return sessionmaker(bind=get_engine(), autoflush=False, expire_on_commit=False)


@celery_app.task(name=DELIVER_TASK)
def deliver_queued_notification(notification_id: int) -> None:
    """작업: 행을 차지하고, 메일을 보내고, ``sent`` 또는 ``failed``를 기록합니다.

    메일 서버의 거절은 재시도하지 않고, 데이터베이스 예외는 Celery가 로그로 남깁니다."""
    settings = get_settings()
    deliver(
        notification_id,
        sessions=worker_sessions(),
        mailer=get_mailer(settings),
        mail_from=settings.mail_from,
        attempts_seen=None,
    )


@functools.cache
def publisher(broker_url: str) -> Celery:
    """웹 쪽의 발행 전용 Celery 앱, 브로커 URL마다 하나입니다.

    설정이 ``get_settings`` 의존성(테스트의 것일 수도 있음)에서 오므로 URL을 키로 씁니다."""
    app = Celery("ch10_background_tasks_and_testing.web", set_as_current=False)
    app.conf.update(celery_config(broker_url))
    return app


def enqueue_delivery(settings: Settings, notification_id: int) -> None:
    """브로커에 작업을 넣습니다. 연결할 수 없으면 kombu의 ``OperationalError``가 납니다."""
    publisher(settings.celery_broker_url).send_task(
        DELIVER_TASK, args=[notification_id], retry=True, retry_policy=PUBLISH_RETRY_POLICY
    )
