"""데이터베이스 위의 ``/items`` CRUD: 본문의 테스트가 부르는 엔드포인트.

목록은 ``ItemsCache``에서 읽고, 쓰기마다 감사 로그와 캐시 갱신 두 작업을 등록합니다."""

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, HTTPException, Path, Query, status
from sqlalchemy.orm import Session

from ..audit import AuditDep
from ..cache import ItemsCacheDep, load_items, refresh_items_cache
from ..database import SessionDep, SessionFactoryDep
from ..errors import MAX_ID, NOT_FOUND, UNREADABLE_BODY
from ..models import Item
from ..schemas import ItemCreate, ItemRead, ItemUpdate

ItemId = Annotated[int, Path(ge=1, le=MAX_ID, description="아이템 id")]

router = APIRouter(prefix="/items", tags=["items"])


def get_item_or_404(db: Session, item_id: int) -> Item:
    item = db.get(Item, item_id)
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"아이템 {item_id}이(가) 없습니다")
    return item


@router.get("", summary="아이템 목록 (캐시)")
def list_items(
    db: SessionDep,
    cache: ItemsCacheDep,
    page: Annotated[int, Query(ge=1, description="1부터 시작하는 페이지 번호")] = 1,
    size: Annotated[int, Query(ge=1, le=100, description="페이지 크기")] = 10,
) -> list[ItemRead]:
    items = cache.get(lambda: load_items(db))
    start = (page - 1) * size
    return items[start : start + size]


@router.get("/{item_id}", responses=NOT_FOUND, summary="아이템 조회")
def read_item(item_id: ItemId, db: SessionDep) -> ItemRead:
    return ItemRead.model_validate(get_item_or_404(db, item_id))


@router.post(
    "", status_code=status.HTTP_201_CREATED, responses=UNREADABLE_BODY, summary="아이템 생성"
)
def create_item(
    body: ItemCreate,
    db: SessionDep,
    sessions: SessionFactoryDep,
    cache: ItemsCacheDep,
    background_tasks: BackgroundTasks,
    audit: AuditDep,
) -> ItemRead:
    item = Item(**body.model_dump())
    db.add(item)
    db.commit()
    audit.record("item.created", item_id=item.id)
    background_tasks.add_task(refresh_items_cache, cache, sessions)
    return ItemRead.model_validate(item)


@router.put("/{item_id}", responses=NOT_FOUND | UNREADABLE_BODY, summary="아이템 전체 수정")
def replace_item(
    item_id: ItemId,
    body: ItemCreate,
    db: SessionDep,
    sessions: SessionFactoryDep,
    cache: ItemsCacheDep,
    background_tasks: BackgroundTasks,
    audit: AuditDep,
) -> ItemRead:
    item = get_item_or_404(db, item_id)
    for field, value in body.model_dump().items():
        setattr(item, field, value)
    db.commit()
    audit.record("item.replaced", item_id=item.id)
    background_tasks.add_task(refresh_items_cache, cache, sessions)
    return ItemRead.model_validate(item)


@router.patch("/{item_id}", responses=NOT_FOUND | UNREADABLE_BODY, summary="아이템 부분 수정")
def update_item(
    item_id: ItemId,
    body: ItemUpdate,
    db: SessionDep,
    sessions: SessionFactoryDep,
    cache: ItemsCacheDep,
    background_tasks: BackgroundTasks,
    audit: AuditDep,
) -> ItemRead:
    item = get_item_or_404(db, item_id)
    changes = body.model_dump(exclude_unset=True)
    for field, value in changes.items():
        setattr(item, field, value)
    db.commit()
    audit.record("item.updated", item_id=item.id, fields=sorted(changes))
    background_tasks.add_task(refresh_items_cache, cache, sessions)
    return ItemRead.model_validate(item)


@router.delete(
    "/{item_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND, summary="아이템 삭제"
)
def delete_item(
    item_id: ItemId,
    db: SessionDep,
    sessions: SessionFactoryDep,
    cache: ItemsCacheDep,
    background_tasks: BackgroundTasks,
    audit: AuditDep,
) -> None:
    db.delete(get_item_or_404(db, item_id))
    db.commit()
    audit.record("item.deleted", item_id=item_id)
    background_tasks.add_task(refresh_items_cache, cache, sessions)
