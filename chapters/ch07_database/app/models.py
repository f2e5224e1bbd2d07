"""ORM 모델: SQLAlchemy가 보는 테이블(API가 주고받는 모양은 ``schemas.py``에 있음)."""

from typing import Any, ClassVar

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """모든 모델의 기반 클래스. ``create_all``이 쓰는 ``Base.metadata``가 모든 테이블을 압니다."""

    # int는 64비트: SQLite의 INTEGER, PostgreSQL의 BIGINT(그곳의 INTEGER는 32비트).
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        int: BigInteger().with_variant(Integer, "sqlite")
    }


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    # unique=True는 데이터베이스 자체의 규칙이라, 동시에 온 두 요청이 둘 다 이길 수 없습니다.
    name: Mapped[str] = mapped_column(String(100), unique=True, index=True)
    price: Mapped[int]
