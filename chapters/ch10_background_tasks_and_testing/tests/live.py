"""Helpers for the tests that run the app in a real uvicorn process (``test_e2e.py``,
``test_restart.py``): its environment, and requests to it over real HTTP."""

import uuid
from pathlib import Path

import httpx

from shared.testing import ServerProcess, SmtpServer, wait_until

DEADLINE = 10  # seconds: generous for a loopback delivery; waits end as soon as they can
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


def wait_until_sent(server: ServerProcess, notification_id: int) -> dict:
    return wait_until(
        lambda: (s := status_of(server, notification_id))["status"] == "sent" and s,
        timeout=DEADLINE,
        what=f"notification {notification_id} sent",
    )
