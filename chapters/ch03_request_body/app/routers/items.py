"""``/items``: JSON 본문을 받아 저장하고, 하나씩 또는 여러 개 등록, 조회, 교체합니다."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Path, Query, status

from ..examples import REPLACE_EXAMPLES
from ..schemas import Item, ItemOut
from ..store import StoreDep

router = APIRouter(prefix="/items", tags=["items"])

ItemId = Annotated[int, Path(ge=1, description="상품 번호")]
DryRun = Annotated[bool, Query(description="true면 검증만 하고 저장하지 않는다")]
MAX_BULK = 50

# 200/201/422 말고 줄 수 있는 응답을 /docs와 /openapi.json에 적습니다.
# UTF-8이 아닌 본문에는 FastAPI가 스스로 400으로 응답합니다(깨진 JSON은 422).
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "없는 상품"}}
UNREADABLE_BODY: dict[int | str, dict[str, Any]] = {
    400: {"description": "읽을 수 없는 본문 (UTF-8이 아님)"}
}


def not_found(item_id: int) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, detail=f"{item_id}번 상품을 찾을 수 없습니다")


@router.post(
    "", status_code=status.HTTP_201_CREATED, responses=UNREADABLE_BODY, summary="상품 등록"
)
def create_item(item: Item, store: StoreDep) -> ItemOut:
    """Pydantic 모델 타입의 매개변수는 JSON 본문에서 읽습니다.

    여기 올 때는 이미 모든 검증을 통과했습니다. 잘못된 본문은 422로 끝납니다.
    """
    [stored] = store.add([item])
    return stored


@router.post(
    "/bulk",
    status_code=status.HTTP_201_CREATED,
    responses=UNREADABLE_BODY,
    summary="상품 여러 개 등록",
)
def create_items(
    items: Annotated[list[Item], Body(min_length=1, max_length=MAX_BULK)], store: StoreDep
) -> list[ItemOut]:
    """아이템의 JSON 배열: 하나라도 잘못되면 본문 전체가 실패해 하나도 저장하지 않습니다."""
    return store.add(items)


@router.get("", summary="상품 목록")
def list_items(store: StoreDep) -> list[ItemOut]:
    return store.all()


@router.get("/{item_id}", responses=NOT_FOUND, summary="상품 하나")
def read_item(item_id: ItemId, store: StoreDep) -> ItemOut:
    item = store.get(item_id)
    if item is None:
        raise not_found(item_id)
    return item


@router.put("/{item_id}", responses=NOT_FOUND | UNREADABLE_BODY, summary="상품 교체")
def replace_item(
    item_id: ItemId,
    item: Annotated[Item, Body(openapi_examples=REPLACE_EXAMPLES)],
    store: StoreDep,
    dry_run: DryRun = False,
) -> ItemOut:
    """경로, 쿼리, 본문을 함께 받습니다: ``item_id``는 경로, ``dry_run``은 쿼리, ``item``은 본문.

    FastAPI는 각 매개변수의 선언으로 어디서 읽을지 정합니다.
    """
    if store.get(item_id) is None:
        raise not_found(item_id)
    updated = ItemOut(id=item_id, **item.model_dump())
    if not dry_run:
        store.save(updated)
    return updated
