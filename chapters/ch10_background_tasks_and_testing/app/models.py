"""The tables: items and users (the CRUD the tests call), notifications and uploads (tasks)."""

from datetime import datetime, timezone

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .database import Base

PENDING, SENT, FAILED = "pending", "sent", "failed"  # a notification's status
PROCESSING, DONE = "processing", "done"  # an upload's status (or FAILED)


def utcnow() -> datetime:
    """Now in UTC, without tzinfo: what SQLite gives back, so values compare."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    price: Mapped[int]


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True, index=True)
    hashed_password: Mapped[str] = mapped_column(String(255))


class Notification(Base):
    """One email to send. Stored before the response, so a restart can still send it.

    ``attempts`` counts claims: a delivery first raises it with an UPDATE that only succeeds
    if nobody else claimed the row since it was read, so one claim means one send.
    """

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    message: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=PENDING, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Upload(Base):
    """A stored file; size, hash and line count are filled in by a background task."""

    __tablename__ = "uploads"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))  # as the client named it (shown only)
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)  # ours, on disk
    content_type: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(10), default=PROCESSING)
    size: Mapped[int | None]
    sha256: Mapped[str | None] = mapped_column(String(64))
    line_count: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
