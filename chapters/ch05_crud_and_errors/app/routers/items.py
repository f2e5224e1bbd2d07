"""``/items`` CRUD: 목록(쪽 나눔)·조회·생성·전체 수정·부분 수정·삭제·구매.

라우트는 평범한 ``def``라 스레드 풀에서 돌기 때문에 저장소가 락을 겁니다.
"""

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response, status

from ..deps import ItemStoreDep
from ..errors import DuplicateNameError
from ..schemas import ErrorMessage, ItemCreate, ItemRead, ItemUpdate, Purchase, ValidationErrorBody

NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorMessage, "description": "없는 아이템"}
}
NAME_TAKEN: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorMessage, "description": "이미 있는 이름"}
}
# 디코딩조차 못 하는 본문(UTF-8이 아닌 바이트)에는 FastAPI가 스스로 400으로 답합니다.
# 파싱되지 않는 JSON은 422입니다.
UNREADABLE_BODY: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorMessage, "description": "읽을 수 없는 본문 (UTF-8이 아님)"}
}

router = APIRouter(
    prefix="/items",
    tags=["items"],
    responses={422: {"model": ValidationErrorBody, "description": "잘못된 요청 값"}},
)

ItemId = Annotated[int, Path(ge=1, description="아이템 id")]


def item_not_found(item_id: int) -> HTTPException:
    return HTTPException(
        status.HTTP_404_NOT_FOUND,
        detail=f"아이템 {item_id}을(를) 찾을 수 없습니다 (item {item_id} not found)",
    )


def name_taken(exc: DuplicateNameError) -> HTTPException:
    return HTTPException(
        status.HTTP_409_CONFLICT,
        detail=f"이미 같은 이름의 아이템이 있습니다: {exc.name} (name already taken)",
    )


@router.get("", summary="아이템 목록 (page/size)")
def list_items(
    store: ItemStoreDep,
    response: Response,
    page: Annotated[int, Query(ge=1, description="1부터 시작하는 쪽 번호")] = 1,
    size: Annotated[int, Query(ge=1, le=100, description="한 쪽의 아이템 수")] = 10,
) -> list[ItemRead]:
    """id 순서로 한 쪽의 아이템; ``X-Total-Count``는 전체 아이템 수입니다."""
    items, total = store.page(offset=(page - 1) * size, limit=size)
    response.headers["X-Total-Count"] = str(total)
    return items


@router.get("/{item_id}", responses=NOT_FOUND, summary="아이템 하나")
def read_item(item_id: ItemId, store: ItemStoreDep) -> ItemRead:
    item = store.get(item_id)
    if item is None:
        raise item_not_found(item_id)
    return item


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    responses=NAME_TAKEN | UNREADABLE_BODY,
    summary="아이템 만들기 (201 + Location)",
)
def create_item(
    data: ItemCreate, store: ItemStoreDep, request: Request, response: Response
) -> ItemRead:
    try:
        item = store.create(data)
    except DuplicateNameError as exc:
        raise name_taken(exc) from exc
    response.headers["Location"] = str(request.url_for("read_item", item_id=item.id))
    return item


@router.put(
    "/{item_id}", responses=NOT_FOUND | NAME_TAKEN | UNREADABLE_BODY, summary="아이템 바꾸기 (전체)"
)
def replace_item(item_id: ItemId, data: ItemCreate, store: ItemStoreDep) -> ItemRead:
    """모든 필드를 본문으로 바꿉니다. 보내지 않은 필드는 다시 기본값이 됩니다."""
    try:
        item = store.replace(item_id, data)
    except DuplicateNameError as exc:
        raise name_taken(exc) from exc
    if item is None:
        raise item_not_found(item_id)
    return item


@router.patch(
    "/{item_id}", responses=NOT_FOUND | NAME_TAKEN | UNREADABLE_BODY, summary="아이템 고치기 (일부)"
)
def update_item(item_id: ItemId, patch: ItemUpdate, store: ItemStoreDep) -> ItemRead:
    """본문에 있는 필드만 바뀝니다(``exclude_unset``); ``{}``는 아무것도 바꾸지 않습니다."""
    try:
        item = store.update(item_id, patch.model_dump(exclude_unset=True))
    except DuplicateNameError as exc:
        raise name_taken(exc) from exc
    if item is None:
        raise item_not_found(item_id)
    return item


@router.delete(
    "/{item_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=NOT_FOUND,
    summary="아이템 지우기 (204)",
)
def delete_item(item_id: ItemId, store: ItemStoreDep) -> None:
    if not store.delete(item_id):
        raise item_not_found(item_id)


@router.post(
    "/{item_id}/purchase",
    responses=NOT_FOUND
    | {409: {"model": ErrorMessage, "description": "재고 부족"}}
    | UNREADABLE_BODY,
    summary="구매 (재고 차감)",
)
def purchase_item(item_id: ItemId, purchase: Purchase, store: ItemStoreDep) -> ItemRead:
    """재고를 ``quantity``만큼 줄입니다. 재고보다 많으면 ``OutOfStockError``(409)가 납니다."""
    item = store.purchase(item_id, purchase.quantity)
    if item is None:
        raise item_not_found(item_id)
    return item
