"""Helpers for the tests that run the app in real processes (``test_e2e.py``,
``test_restart.py``, ``test_celery_worker.py``): the app deployed with one task backend, and
requests to it over real HTTP.

A ``Deployment`` is what one backend needs around the web process: nothing for
``TASK_BACKEND=background``; a Redis broker of its own, and worker processes, for ``celery``.
The same end-to-end tests run against both (the ``backend`` fixture).
"""

import contextlib
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from shared.testing import (
    RunningProcess,
    ServerProcess,
    SmtpServer,
    Solution,
    run_celery_worker,
    run_redis_server,
    run_uvicorn,
    wait_until,
)

CELERY_WHY = "Celery 워커를 실행하려면 필요합니다"
DEADLINE = 5  # seconds: ten times a loopback delivery on a busy machine; waits end at once
STARTUP_TIMEOUT = 60  # seconds for uvicorn to import the app and answer, on a busy machine


def new_address() -> str:
    return f"e2e-{uuid.uuid4().hex[:12]}@example.com"


def server_env(folder: Path, smtp: SmtpServer) -> dict[str, str]:
    """Everything the app writes goes to ``folder``; its mail goes to ``smtp``."""
    return {
        "DATABASE_URL": f"sqlite:///{folder / 'app.db'}",
        "AUDIT_LOG_PATH": str(folder / "audit.log"),
        "UPLOAD_DIR": str(folder / "uploads"),
        "SMTP_HOST": smtp.host,
        "SMTP_PORT": str(smtp.port),
        "SMTP_TIMEOUT": "30",
        "MAIL_FROM": "e2e@example.com",
        "SECRET_KEY": "e2e-" + "k" * 40,
    }


def request_notification(server: ServerProcess, address: str) -> int:
    response = httpx.post(
        f"{server.url}/send-notification", params={"email": address}, timeout=DEADLINE
    )
    assert response.status_code == 202, response.text
    return response.json()["id"]


def status_of(server: ServerProcess, notification_id: int) -> dict:
    return httpx.get(f"{server.url}/notifications/{notification_id}", timeout=DEADLINE).json()


def wait_for_status(server: ServerProcess, notification_id: int, wanted: str) -> dict:
    """Poll the status endpoint until the notification is ``wanted``; its last answer."""
    return wait_until(
        lambda: (s := status_of(server, notification_id))["status"] == wanted and s,
        timeout=DEADLINE,
        what=f"notification {notification_id} {wanted}",
    )


def wait_until_sent(server: ServerProcess, notification_id: int) -> dict:
    return wait_for_status(server, notification_id, "sent")


@dataclass
class Deployment:
    """The app with one backend, its environment set, ready to start processes."""

    backend: str
    solution: Any  # the ``Solution`` graded: ``app`` (and ``celery_app`` for a worker)
    env: dict[str, str]
    folder: Path

    def web(self, name: str = "web") -> AbstractContextManager[ServerProcess]:
        """A uvicorn process serving the app (start as many as a test needs)."""
        return run_uvicorn(
            self.solution.target,
            log_path=self.folder / f"{name}.log",
            env={**self.solution.pythonpath, **self.env},
            timeout=STARTUP_TIMEOUT,
        )

    def worker(self, name: str = "worker") -> AbstractContextManager[RunningProcess]:
        """A Celery worker process consuming this deployment's broker."""
        self.solution.hook("celery_app", CELERY_WHY)
        module = self.solution.target.rsplit(":", 1)[0]
        return run_celery_worker(
            f"{module}:celery_app",
            log_path=self.folder / f"{name}.log",
            env={**self.solution.pythonpath, **self.env},
            name=name,
            timeout=STARTUP_TIMEOUT,
        )

    @contextlib.contextmanager
    def workers(self) -> Iterator[list[RunningProcess]]:
        """What sends the mail besides the web process: one Celery worker, or nothing."""
        with contextlib.ExitStack() as processes:
            if self.backend == "celery":
                yield [processes.enter_context(self.worker())]
            else:
                yield []

    @contextlib.contextmanager
    def running(self) -> Iterator[ServerProcess]:
        """The app as it would be deployed: its workers, if any, and the web process."""
        with self.workers(), self.web() as web:
            yield web


@contextlib.contextmanager
def deployment(
    backend: str, solution: Solution, folder: Path, smtp: SmtpServer, **settings: str
) -> Iterator[Deployment]:
    """The environment for ``backend`` (``settings`` adds variables: ``name=value``), with a
    Redis server of its own for ``celery``; no process of the app is started yet. With
    ``celery`` the solution must have ``celery_app`` (asked for before anything starts)."""
    if backend == "celery":
        solution.hook("celery_app", CELERY_WHY)
    env = server_env(folder, smtp) | {"TASK_BACKEND": backend}
    env |= {name.upper(): value for name, value in settings.items()}
    with contextlib.ExitStack() as services:
        if backend == "celery":
            env["CELERY_BROKER_URL"] = services.enter_context(run_redis_server(folder)).url
        yield Deployment(backend, solution, env, folder)
