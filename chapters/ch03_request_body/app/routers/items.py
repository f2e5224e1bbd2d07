"""``/items``: JSON bodies in, stored items out; one, many, read back, replaced."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Path, Query, status

from ..examples import REPLACE_EXAMPLES
from ..schemas import Item, ItemOut
from ..store import StoreDep

router = APIRouter(prefix="/items", tags=["items"])

ItemId = Annotated[int, Path(ge=1, description="상품 번호")]
DryRun = Annotated[bool, Query(description="true면 검증만 하고 저장하지 않는다")]
MAX_BULK = 50

# Answers besides 200/201/422, in /docs and /openapi.json. FastAPI answers 400 by itself for a
# body it cannot even decode (bytes that are not UTF-8); JSON that does not parse is a 422.
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
    """A parameter typed with a Pydantic model is read from the JSON body.

    By the time this runs the body passed every ``Field`` rule and validator; a bad one was
    answered with 422 and never reaches the store.
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
    """A JSON array of items: one bad item fails the whole body, so none is stored."""
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
    """Path, query and body together: FastAPI tells them apart by where each is declared.

    ``item_id`` is in the path, ``dry_run`` (a plain ``bool``) in the query string, and ``item``
    (a model) in the body.
    """
    if store.get(item_id) is None:
        raise not_found(item_id)
    updated = ItemOut(id=item_id, **item.model_dump())
    if not dry_run:
        store.save(updated)
    return updated
