"""``/items``: 페이지로 나누고 거르고 정렬하는 목록, 그리고 타입이 있는 번호로 찾는 아이템 하나."""

from typing import Annotated, Literal, cast

from fastapi import APIRouter, HTTPException, Path, Query, status

from ..catalog import CatalogDep
from ..models import Item, Page
from ..pagination import DEFAULT_SIZE, PageQuery, SizeQuery, paginate

router = APIRouter(prefix="/items", tags=["items"])

MAX_ITEM_ID = 1000

# 여러 개는 반복해서 보냅니다: /items?tag=python&tag=web. 태그가 없으면 거르지 않습니다.
TagQuery = Annotated[
    list[str],
    Query(default_factory=list, description="이 태그를 모두 가진 상품만 (반복 가능)"),
]
# 앞의 "-"는 내림차순이고, 패턴에 맞지 않는 값은 422입니다.
SortQuery = Annotated[
    str | None,
    Query(pattern=r"^-?(id|name|price)$", description="정렬 기준: id, name, price (-는 내림차순)"),
]
SortKey = Literal["id", "name", "price"]


@router.get("", summary="상품 목록")
def list_items(
    catalog: CatalogDep,
    tag: TagQuery,
    sort: SortQuery = None,
    page: PageQuery = 1,
    size: SizeQuery = DEFAULT_SIZE,
) -> Page:
    """모든 ``tag``로 거르고, 정렬하고, 한 페이지를 자릅니다. ``total``은 걸러진 수입니다."""
    items = [item for item in catalog if set(tag) <= set(item["tags"])]
    if sort is not None:
        key = cast(SortKey, sort.removeprefix("-"))  # 패턴이 이 세 값만 통과시킨다
        items.sort(key=lambda item: item[key], reverse=sort.startswith("-"))
    return paginate(items, page, size)


@router.get("/{item_id}", responses={404: {"description": "없는 상품"}}, summary="상품 하나")
def read_item(
    item_id: Annotated[int, Path(ge=1, le=MAX_ITEM_ID, description="상품 번호 (1~1000)")],
    catalog: CatalogDep,
) -> Item:
    """``item_id``는 URL의 글자로 옵니다. FastAPI가 ``int``로 바꾸거나 422로 답합니다."""
    for item in catalog:
        if item["id"] == item_id:
            return item
    raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"{item_id}번 상품을 찾을 수 없습니다")
