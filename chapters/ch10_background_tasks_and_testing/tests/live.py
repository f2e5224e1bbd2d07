"""앱을 진짜 프로세스로 돌리는 테스트의 도우미: 작업 백엔드 하나로 배포한 앱과, 진짜 HTTP 요청.

``Deployment``: ``background``는 웹 프로세스만, ``celery``는 자기 Redis 브로커와 워커까지.
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
from shared.testing.postgres import server_database

CELERY_WHY = "Celery 워커를 실행하려면 필요합니다"
DEADLINE = 5  # seconds: ten times a loopback delivery on a busy machine; waits end at once
STARTUP_TIMEOUT = 60  # seconds for uvicorn to import the app and answer, on a busy machine


def new_address() -> str:
    return f"e2e-{uuid.uuid4().hex[:12]}@example.com"


def server_env(folder: Path, smtp: SmtpServer) -> dict[str, str]:
    """앱이 쓰는 것은 모두 ``folder``로, 메일은 ``smtp``로 가는 환경."""
    return {
        # nox -s postgres: a database on its PostgreSQL server; else a SQLite file here.
        "DATABASE_URL": server_database() or f"sqlite:///{folder / 'app.db'}",
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
    """알림이 ``wanted`` 상태가 될 때까지 상태 엔드포인트를 묻고, 마지막 응답을 돌려준다."""
    return wait_until(
        lambda: (s := status_of(server, notification_id))["status"] == wanted and s,
        timeout=DEADLINE,
        what=f"notification {notification_id} {wanted}",
    )


def wait_until_sent(server: ServerProcess, notification_id: int) -> dict:
    return wait_for_status(server, notification_id, "sent")


@dataclass
class Deployment:
    """백엔드 하나와 환경을 갖춰 프로세스를 띄울 준비가 된 앱."""

    backend: str
    solution: Any  # the ``Solution`` graded: ``app`` (and ``celery_app`` for a worker)
    env: dict[str, str]
    folder: Path

    def web(self, name: str = "web") -> AbstractContextManager[ServerProcess]:
        """앱을 서비스하는 uvicorn 프로세스(테스트에 필요한 만큼 띄운다)."""
        return run_uvicorn(
            self.solution.target,
            log_path=self.folder / f"{name}.log",
            env={**self.solution.pythonpath, **self.env},
            timeout=STARTUP_TIMEOUT,
        )

    def worker(self, name: str = "worker") -> AbstractContextManager[RunningProcess]:
        """이 배포의 브로커에서 작업을 가져가는 Celery 워커 프로세스."""
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
        """웹 프로세스 말고 메일을 보내는 것: Celery 워커 하나, 또는 없음."""
        with contextlib.ExitStack() as processes:
            if self.backend == "celery":
                yield [processes.enter_context(self.worker())]
            else:
                yield []

    @contextlib.contextmanager
    def running(self) -> Iterator[ServerProcess]:
        """배포한 그대로의 앱: 워커(있으면)와 웹 프로세스."""
        with self.workers(), self.web() as web:
            yield web


@contextlib.contextmanager
def deployment(
    backend: str, solution: Solution, folder: Path, smtp: SmtpServer, **settings: str
) -> Iterator[Deployment]:
    """``backend``의 환경(``celery``면 자기 Redis 서버까지), 앱 프로세스는 아직 띄우지 않는다."""
    if backend == "celery":
        solution.hook("celery_app", CELERY_WHY)
    env = server_env(folder, smtp) | {"TASK_BACKEND": backend}
    env |= {name.upper(): value for name, value in settings.items()}
    with contextlib.ExitStack() as services:
        if backend == "celery":
            env["CELERY_BROKER_URL"] = services.enter_context(run_redis_server(folder)).url
        yield Deployment(backend, solution, env, folder)
