"""``TASK_BACKEND=celery``: the delivery as a Celery job on a Redis broker, sent by a worker.

The course text's 주의사항: ``BackgroundTasks`` run inside the web process and die with it, and
heavy work belongs in a queue such as Celery. Here the route stores the row, puts a job with
its id on the broker and answers ``202``; a separate worker process (any number of them, on any
hosts that reach the broker and the database) takes the job and runs the same ``deliver`` as
the background backend, so the statuses and the status endpoint do not change.

Run a worker from the repository root, with the app's environment (``DATABASE_URL``,
``SMTP_HOST``, ``CELERY_BROKER_URL``...):

    celery -A chapters.ch10_background_tasks_and_testing.app.celery_tasks worker \\
        --pool threads --concurrency 8 --loglevel INFO

What keeps jobs from being lost:

* Late acknowledgement (``task_acks_late``): the broker forgets a job only after the worker
  finished it. A worker killed mid-delivery never acknowledged it, so Redis hands it to a
  worker again once ``CELERY_VISIBILITY_TIMEOUT`` has passed; ``claim`` lets that job take the
  row the dead worker had claimed (the row is still ``pending``), and ``attempts`` counts both.
* The job is on the broker before the ``202`` is sent: a web process killed after answering
  takes nothing with it. If the broker cannot be reached the route answers ``503`` and the row
  is marked ``failed``, so nothing waits for a job that does not exist.
"""

import functools
from typing import Any

from celery import Celery
from sqlalchemy.orm import Session, sessionmaker

from .config import Settings, get_settings
from .database import get_engine
from .delivery import deliver
from .mailer import get_mailer

DELIVER_TASK = "ch10.deliver_notification"  # the job's name: what the web side enqueues

# Publishing gives up after about a second when the broker is down: the request is waiting.
PUBLISH_RETRY_POLICY = {"max_retries": 3, "interval_start": 0, "interval_step": 0.2}
BROKER_TIMEOUT = 5  # seconds to connect to, or wait on, the broker


def celery_config(broker_url: str, visibility: int | None = None) -> dict[str, Any]:
    """The configuration of both sides: the web side publishes, the worker consumes and, given
    ``visibility`` (``CELERY_VISIBILITY_TIMEOUT``), hands out again the jobs of dead workers."""
    transport = {"socket_connect_timeout": BROKER_TIMEOUT, "socket_timeout": BROKER_TIMEOUT}
    if visibility is not None:
        transport |= {
            "visibility_timeout": visibility,
            # Look for jobs of dead workers ten times per visibility timeout (at most every
            # minute, at least every second), not kombu's default of every 100 s.
            "unacked_restore_interval": max(1, min(60, visibility // 10)),
            "unacked_restore_throttle": 1,
        }
    return {
        "broker_url": broker_url,
        "broker_connection_timeout": BROKER_TIMEOUT,
        "broker_connection_retry_on_startup": True,
        "broker_transport_options": transport,
        "task_acks_late": True,  # acknowledged after the delivery, not before
        "task_reject_on_worker_lost": True,  # prefork pool: a dead child puts its job back
        "worker_prefetch_multiplier": 1,  # a worker reserves no more jobs than it runs
        "task_ignore_result": True,  # the outcome is the row's status, not a Celery result
    }


def worker_config() -> dict[str, Any]:
    settings = get_settings()
    return celery_config(settings.celery_broker_url, settings.celery_visibility_timeout)


# The worker's app. Its configuration is read from the settings when first needed, not at
# import, so importing this module (the web side does) reads no environment.
celery_app = Celery("ch10_background_tasks_and_testing")
celery_app.add_defaults(worker_config)


@functools.cache
def worker_sessions() -> sessionmaker[Session]:
    """The worker's sessions, on ``DATABASE_URL`` (tables created on first use)."""
    return sessionmaker(bind=get_engine(), autoflush=False, expire_on_commit=False)


@celery_app.task(name=DELIVER_TASK)
def deliver_queued_notification(notification_id: int) -> None:
    """The job: claim the row, send the mail, record ``sent`` or ``failed`` (as ``deliver``).

    A mail server's refusal is recorded as ``failed``, not retried. An exception from the
    database goes to Celery, which logs it and acknowledges the job: the row stays ``pending``
    with its attempt counted, for someone to look at (no automatic retry of a broken database).
    """
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
    """The web side's Celery app for one broker: it only publishes, through a pool of broker
    connections that request threads share. Keyed by URL because the settings come from the
    ``get_settings`` dependency (a test's, maybe), not from this process's environment."""
    app = Celery("ch10_background_tasks_and_testing.web", set_as_current=False)
    app.conf.update(celery_config(broker_url))
    return app


def enqueue_delivery(settings: Settings, notification_id: int) -> None:
    """Put the job on the broker; raises (kombu's ``OperationalError``) if it is unreachable."""
    publisher(settings.celery_broker_url).send_task(
        DELIVER_TASK, args=[notification_id], retry=True, retry_policy=PUBLISH_RETRY_POLICY
    )
