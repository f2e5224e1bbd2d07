"""Queries and writes on a session; routers call these and never build SQL themselves."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .models import Item


class DuplicateItemNameError(Exception):
    """The unique constraint on ``items.name`` refused a write (``main`` answers 409)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def list_items(db: Session, *, offset: int, limit: int) -> tuple[Sequence[Item], int]:
    """One page in the database (``LIMIT``/``OFFSET``) and the number of all rows."""
    total = db.scalar(select(func.count()).select_from(Item)) or 0
    page = db.scalars(select(Item).order_by(Item.id).offset(offset).limit(limit)).all()
    return page, total


def get_item(db: Session, item_id: int) -> Item | None:
    return db.get(Item, item_id)


def create_item(db: Session, values: dict[str, Any]) -> Item:
    item = Item(**values)
    db.add(item)
    _commit(db, values["name"])
    db.refresh(item)
    return item


def update_item(db: Session, item: Item, changes: dict[str, Any]) -> Item:
    name = changes.get("name", item.name)
    for field, value in changes.items():
        setattr(item, field, value)
    _commit(db, name)
    db.refresh(item)
    return item


def delete_item(db: Session, item: Item) -> None:
    db.delete(item)
    db.commit()


def _commit(db: Session, name: str) -> None:
    """Commit, or undo everything this session pending and report the duplicate name.

    The schemas let through only complete rows, so the unique name is the one constraint a
    valid request can break. After ``rollback()`` the session is usable again.
    """
    try:
        db.commit()
    except IntegrityError as exc:
        db.rollback()
        raise DuplicateItemNameError(name) from exc
