"""테이블: 아이템과 사용자(테스트가 부르는 CRUD), 알림과 업로드(백그라운드 작업)."""

from datetime import datetime, timezone
from typing import Any, ClassVar

from sqlalchemy import BigInteger, DateTime, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

PENDING, SENT, FAILED = "pending", "sent", "failed"  # 알림의 상태
PROCESSING, DONE = "processing", "done"  # 업로드의 상태 (또는 FAILED)


class Base(DeclarativeBase):
    """앱의 모든 테이블 (``Base.metadata.create_all``이 만듭니다)."""

    # int는 64비트: SQLite의 INTEGER, PostgreSQL의 BIGINT(그곳의 INTEGER는 32비트).
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        int: BigInteger().with_variant(Integer, "sqlite")
    }


def utcnow() -> datetime:
    """tzinfo 없는 UTC 현재 시각: SQLite가 돌려주는 형태라 값을 비교할 수 있습니다."""
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
    """보낼 메일 하나. 응답 전에 저장하므로 재시작한 뒤에도 보낼 수 있습니다.

    ``attempts``는 행을 차지한 횟수입니다: 한 번 차지하면 한 번 보냅니다."""

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
    """저장한 파일. 크기, 해시, 줄 수는 백그라운드 작업이 채웁니다."""

    __tablename__ = "uploads"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))  # 클라이언트가 붙인 이름 (보여 주기만 함)
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)  # 디스크에 쓰는 서버의 이름
    content_type: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(10), default=PROCESSING)
    size: Mapped[int | None]
    sha256: Mapped[str | None] = mapped_column(String(64))
    line_count: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
