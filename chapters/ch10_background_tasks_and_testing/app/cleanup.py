"""Cleanup: delete expired uploads (rows and files), stray files, and old notifications.

Registered as a background task by ``POST /maintenance/cleanup``. A notification row is
deleted only once it is finished (``sent`` or ``failed``): a ``pending`` one is still owed
an email, however old.
"""

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
    """Background task: one cleanup pass."""
    upload_cutoff = utcnow() - timedelta(seconds=upload_ttl_seconds)
    notification_cutoff = utcnow() - timedelta(seconds=notification_ttl_seconds)
    with sessions() as db:
        expired = db.scalars(select(Upload).where(Upload.created_at < upload_cutoff)).all()
        for upload in expired:
            (upload_dir / upload.stored_name).unlink(missing_ok=True)
            db.delete(upload)
        deleted: CursorResult[Any] = db.execute(  # type: ignore[assignment]  # a DELETE
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
    """Delete old files no row points to (left by a crash between writing one and its row)."""
    if not upload_dir.is_dir():
        return 0
    removed = 0
    for path in upload_dir.iterdir():
        if path.is_file() and path.name not in known and path.stat().st_mtime < older_than:
            path.unlink()
            removed += 1
    return removed
