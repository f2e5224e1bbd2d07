"""ORM models: the tables as SQLAlchemy sees them (API shapes live in ``schemas.py``)."""

from sqlalchemy import String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Every model's base; ``Base.metadata`` knows all tables (``create_all`` uses it)."""


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    # unique=True is a rule of the database itself: two requests racing cannot both win.
    name: Mapped[str] = mapped_column(String(100), unique=True, index=True)
    price: Mapped[int]
