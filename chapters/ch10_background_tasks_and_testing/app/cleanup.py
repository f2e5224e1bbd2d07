"""정리 작업: 만료된 업로드(행과 파일), 행 없는 파일, 오래된 알림을 지웁니다.

``POST /maintenance/cleanup``이 등록합니다. ``pending`` 알림은 오래되어도 지우지 않습니다."""

import logging
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.orm import Session, sessionmaker

from .background import logged_task
from .models import FAILED, SENT, Notification, Upload, utcnow

logger = logging.getLogger(__name__)


@logged_task
def cleanup_expired(
    *,
    sessions: sessionmaker[Session],
    upload_dir: Path,
    upload_ttl_seconds: float,
    notification_ttl_seconds: float,
) -> None:
    """백그라운드 작업: 정리 한 번."""
    upload_cutoff = utcnow() - timedelta(seconds=upload_ttl_seconds)
    notification_cutoff = utcnow() - timedelta(seconds=notification_ttl_seconds)
    with sessions() as db:
        expired = db.scalars(select(Upload).where(Upload.created_at < upload_cutoff)).all()
        for upload in expired:
            (upload_dir / upload.stored_name).unlink(missing_ok=True)
            db.delete(upload)
        deleted: CursorResult[Any] = db.execute(  # type: ignore[assignment]  # DELETE의 결과
            delete(Notification).where(
                Notification.status.in_((SENT, FAILED)),
                Notification.updated_at < notification_cutoff,
            )
        )
        notifications = deleted.rowcount
        db.commit()
        known = set(db.scalars(select(Upload.stored_name)))
    strays = remove_stray_files(upload_dir, known, time.time() - upload_ttl_seconds)
    logger.info(
        "cleanup: %d expired uploads, %d stray files, %d old notifications deleted",
        len(expired),
        strays,
        notifications,
    )


def remove_stray_files(upload_dir: Path, known: set[str], older_than: float) -> int:
    """행이 가리키지 않는 오래된 파일을 지웁니다(파일을 쓰고 행을 쓰기 전에 죽으면 남습니다)."""
    if not upload_dir.is_dir():
        return 0
    removed = 0
    for path in upload_dir.iterdir():
        if path.is_file() and path.name not in known and path.stat().st_mtime < older_than:
            path.unlink()
            removed += 1
    return removed
