"""The audit log: one JSON line per state-changing request, appended after the response.

``AuditDep`` gives a route ``audit.record(action, **details)``, which registers the write as a
background task: it runs only if the route returns normally (a request that fails with an
``HTTPException`` changed nothing and leaves no line).
"""

import json
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Any

from fastapi import BackgroundTasks, Depends, Request

from .background import logged_task
from .config import SettingsDep

_write_lock = threading.Lock()  # tasks run in several threads: one whole line at a time


def audit_entry(request: Request, action: str, **details: Any) -> dict[str, Any]:
    """What one line holds: when, what, which request, from where, and the action's details."""
    return {
        "time": datetime.now(timezone.utc).isoformat(),
        "action": action,
        "method": request.method,
        "path": request.url.path,
        "client": request.client.host if request.client else None,
        "details": details,
    }


@logged_task
def write_audit_entry(path: Path, entry: dict[str, Any]) -> None:
    """Background task: append ``entry`` to the audit log at ``path`` as one JSON line."""
    line = json.dumps(entry, ensure_ascii=False, default=str) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    with _write_lock, path.open("a", encoding="utf-8") as log:
        log.write(line)


class AuditTrail:
    """Per request: queues audit lines to be written after the response."""

    def __init__(
        self, request: Request, background_tasks: BackgroundTasks, settings: SettingsDep
    ) -> None:
        self.request = request
        self.background_tasks = background_tasks
        self.path = settings.audit_log_path

    def record(self, action: str, **details: Any) -> None:
        entry = audit_entry(self.request, action, **details)
        self.background_tasks.add_task(write_audit_entry, self.path, entry)


AuditDep = Annotated[AuditTrail, Depends()]
