"""앱을 진짜 프로세스로 돌리는 테스트의 도우미: 작업 백엔드 하나로 배포한 앱과, 진짜 HTTP 요청.

``Deployment``: ``background``는 웹 프로세스만, ``celery``는 자기 Redis 브로커와 워커까지.
"""

import contextlib
import os
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
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
# A mail (or a final status) that must come: a passing run never waits this long. The proof that
# grades a solution which never sends (shared/tests/broken/test_ch10.py) shortens it, so that
# each of its end-to-end tests fails in a second instead of five.
MAIL_DEADLINE = float(os.environ.get("CH10_MAIL_DEADLINE", DEADLINE))

# One keep-alive client per running web process (``Deployment.web``): a new ``httpx.Client``
# per request costs 20 ms or more (it loads the CA bundle), and a test polls a status 100 times.
_clients: dict[str, httpx.Client] = {}


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


@contextlib.contextmanager
def http_client(server: ServerProcess) -> Iterator[httpx.Client]:
    """``server``에 연결을 다시 쓰는 클라이언트(``Deployment.web``이 띄운 서버면 그 서버의 것)."""
    client = _clients.get(server.url)
    if client is not None:
        yield client
        return
    with httpx.Client(base_url=server.url, timeout=DEADLINE) as client:
        yield client


def request_notification(server: ServerProcess, address: str) -> int:
    with http_client(server) as http:
        response = http.post("/send-notification", params={"email": address})
    assert response.status_code == 202, response.text
    return response.json()["id"]


def status_of(server: ServerProcess, notification_id: int) -> dict:
    with http_client(server) as http:
        return http.get(f"/notifications/{notification_id}").json()


def wait_for_status(server: ServerProcess, notification_id: int, wanted: str) -> dict:
    """알림이 ``wanted`` 상태가 될 때까지 상태 엔드포인트를 묻고, 마지막 응답을 돌려준다."""
    return wait_until(
        lambda: (s := status_of(server, notification_id))["status"] == wanted and s,
        timeout=MAIL_DEADLINE,
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

    @contextlib.contextmanager
    def web(self, name: str = "web") -> Iterator[ServerProcess]:
        """앱을 서비스하는 uvicorn 프로세스(테스트에 필요한 만큼 띄운다)."""
        with (
            run_uvicorn(
                self.solution.target,
                log_path=self.folder / f"{name}.log",
                env={**self.solution.pythonpath, **self.env},
                timeout=STARTUP_TIMEOUT,
            ) as server,
            httpx.Client(base_url=server.url, timeout=DEADLINE) as client,
        ):
            _clients[server.url] = client
            try:
                yield server
            finally:
                del _clients[server.url]

    def worker(
        self, name: str = "worker", **settings: str
    ) -> AbstractContextManager[RunningProcess]:
        """이 배포의 브로커에서 작업을 가져가는 Celery 워커 프로세스.

        ``settings``: 배포의 설정 위에 이 워커만 쓰는 설정(``celery_visibility_timeout="2"``)."""
        self.solution.hook("celery_app", CELERY_WHY)
        module = self.solution.target.rsplit(":", 1)[0]
        own = {name.upper(): value for name, value in settings.items()}
        return run_celery_worker(
            f"{module}:celery_app",
            log_path=self.folder / f"{name}.log",
            env={**self.solution.pythonpath, **self.env, **own},
            name=name,
            timeout=STARTUP_TIMEOUT,
        )

    def workers(self) -> list[AbstractContextManager[RunningProcess]]:
        """웹 프로세스 말고 메일을 보내는 것: Celery 워커 하나, 또는 없음(띄우기 전)."""
        return [self.worker()] if self.backend == "celery" else []

    @contextlib.contextmanager
    def running(self, name: str = "web") -> Iterator[ServerProcess]:
        """배포한 그대로의 앱: 워커(있으면)와 웹 프로세스, 한꺼번에 띄운다."""
        with started_together(*self.workers(), self.web(name)) as processes:
            yield processes[-1]


@contextlib.contextmanager
def started_together(*processes: AbstractContextManager[Any]) -> Iterator[list[Any]]:
    """``processes``를 스레드마다 하나씩 한꺼번에 띄운다: 준비를 기다리는 시간이 겹친다.

    모두 준비되면 넘겨주고, 끝나면 띄운 순서의 반대로 멈춘다. 하나라도 못 뜨면 뜬 것을 멈추고
    그 오류를 낸다."""
    with contextlib.ExitStack() as stack:
        with ThreadPoolExecutor(max_workers=max(1, len(processes))) as pool:
            futures = [pool.submit(process.__enter__) for process in processes]
            for process, future in zip(processes, futures, strict=True):
                stack.callback(_exit_if_entered, process, future)
        yield [future.result() for future in futures]


def _exit_if_entered(process: AbstractContextManager[Any], future: Any) -> None:
    if future.exception() is None:
        process.__exit__(None, None, None)


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
