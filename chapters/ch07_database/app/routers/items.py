"""데이터베이스 위의 ``/items`` CRUD. 요청마다 ``SessionDep``으로 세션 하나를 받습니다."""

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, status
from sqlalchemy.orm import Session

from .. import crud
from ..database import SessionDep
from ..models import Item
from ..schemas import ItemCreate, ItemPage, ItemRead, ItemUpdate

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "없는 아이템"}}
CONFLICT: dict[int | str, dict[str, Any]] = {409: {"description": "같은 이름의 아이템이 이미 있음"}}
# 디코딩조차 할 수 없는 본문(UTF-8이 아닌 바이트)에는 FastAPI가 스스로 400으로 답합니다.
# 파싱되지 않는 JSON은 422입니다.
UNREADABLE_BODY: dict[int | str, dict[str, Any]] = {
    400: {"description": "읽을 수 없는 본문 (UTF-8이 아님)"}
}

# SQLite의 INTEGER는 64비트입니다. 더 큰 id는 있을 수 없고, 드라이버는 보내지도 못합니다
# (거기까지 가면 OverflowError, 즉 500). 같은 이유로 어떤 페이지도 그 행 너머에서 시작하지 않습니다.
MAX_ID = 2**63 - 1
MAX_PAGE = 1_000_000

ItemId = Annotated[int, Path(ge=1, le=MAX_ID, description="아이템 id")]

router = APIRouter(prefix="/items", tags=["items"])


def get_item_or_404(db: Session, item_id: int) -> Item:
    """그 아이템을 돌려주고, 없으면 아이템이 필요한 모든 라우트가 함께 쓰는 404를 던집니다."""
    item = crud.get_item(db, item_id)
    if item is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"아이템 {item_id}을(를) 찾을 수 없습니다.")
    return item


@router.get("", summary="아이템 목록 (SQL LIMIT/OFFSET 페이지)")
def list_items(
    db: SessionDep,
    page: Annotated[
        int, Query(ge=1, le=MAX_PAGE, description="1부터 시작하는 페이지 번호 (최대 1,000,000)")
    ] = 1,
    size: Annotated[int, Query(ge=1, le=100, description="페이지당 항목 수 (최대 100)")] = 10,
) -> ItemPage:
    rows, total = crud.list_items(db, offset=(page - 1) * size, limit=size)
    return ItemPage(
        items=[ItemRead.model_validate(row) for row in rows], total=total, page=page, size=size
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses=CONFLICT | UNREADABLE_BODY,
    summary="아이템 생성",
)
def create_item(body: ItemCreate, db: SessionDep) -> ItemRead:
    return ItemRead.model_validate(crud.create_item(db, body.model_dump()))


@router.get("/{item_id}", responses=NOT_FOUND, summary="아이템 하나")
def read_item(item_id: ItemId, db: SessionDep) -> ItemRead:
    return ItemRead.model_validate(get_item_or_404(db, item_id))


@router.put(
    "/{item_id}", responses=NOT_FOUND | CONFLICT | UNREADABLE_BODY, summary="아이템 전체 수정"
)
def replace_item(item_id: ItemId, body: ItemCreate, db: SessionDep) -> ItemRead:
    item = get_item_or_404(db, item_id)
    return ItemRead.model_validate(crud.update_item(db, item, body.model_dump()))


@router.patch(
    "/{item_id}", responses=NOT_FOUND | CONFLICT | UNREADABLE_BODY, summary="아이템 부분 수정"
)
def update_item(item_id: ItemId, body: ItemUpdate, db: SessionDep) -> ItemRead:
    item = get_item_or_404(db, item_id)
    changes = body.model_dump(exclude_unset=True)
    return ItemRead.model_validate(crud.update_item(db, item, changes))


@router.delete(
    "/{item_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND, summary="아이템 삭제"
)
def delete_item(item_id: ItemId, db: SessionDep) -> None:
    crud.delete_item(db, get_item_or_404(db, item_id))
