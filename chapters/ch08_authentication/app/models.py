"""ORM 모델: 데이터베이스 속 사용자의 모양(비밀번호가 아니라 해시를 저장합니다)."""

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """선언 기반 클래스: ``Base.metadata``가 모든 테이블(여기서는 ``users``)을 압니다."""


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    hashed_password: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="user")
