"""감사 로그: 상태를 바꾸는 요청마다 JSON 한 줄을 응답 뒤에 덧붙입니다.

``AuditDep``는 기록을 백그라운드 작업으로 등록하므로, 실패한 요청은 줄을 남기지 않습니다."""

import json
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Any

from fastapi import BackgroundTasks, Depends, Request

from .background import logged_task
from .config import SettingsDep

_write_lock = threading.Lock()  # 작업이 여러 스레드에서 돌아가므로 한 번에 한 줄씩


def audit_entry(request: Request, action: str, **details: Any) -> dict[str, Any]:
    """한 줄에 담는 것: 시각, 동작, 요청, 출처, 동작의 세부 내용."""
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
    """백그라운드 작업: ``entry``를 ``path``의 감사 로그에 JSON 한 줄로 덧붙입니다."""
    line = json.dumps(entry, ensure_ascii=False, default=str) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    with _write_lock, path.open("a", encoding="utf-8") as log:
        log.write(line)


class AuditTrail:
    """요청마다 하나: 감사 로그 줄을 응답 뒤에 쓰도록 등록합니다."""

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
