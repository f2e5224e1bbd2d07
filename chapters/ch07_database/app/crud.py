"""세션 위의 조회와 쓰기. 라우터는 이 함수만 부르고 SQL을 직접 만들지 않습니다."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .models import Item


class DuplicateItemNameError(Exception):
    """``items.name``의 유일 제약이 쓰기를 거부했습니다(``main``이 409로 답합니다)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def list_items(db: Session, *, offset: int, limit: int) -> tuple[Sequence[Item], int]:
    """데이터베이스가 자른 한 페이지(``LIMIT``/``OFFSET``)와 전체 행 수를 돌려줍니다."""
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
    """커밋합니다. 이름이 겹치면 롤백해 세션을 다시 쓸 수 있게 하고, 중복 이름을 알립니다.

    스키마가 완전한 행만 통과시키므로, 올바른 요청이 어길 수 있는 제약은 이름의 유일 제약뿐입니다.
    """
    try:
        db.commit()
    except IntegrityError as exc:
        db.rollback()
        raise DuplicateItemNameError(name) from exc
