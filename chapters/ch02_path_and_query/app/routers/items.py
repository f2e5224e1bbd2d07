"""``/items``: a paginated, filterable, sortable list, and one item by its typed id."""

from typing import Annotated, Literal, cast

from fastapi import APIRouter, HTTPException, Path, Query, status

from ..catalog import CatalogDep
from ..models import Item, Page
from ..pagination import DEFAULT_SIZE, PageQuery, SizeQuery, paginate

router = APIRouter(prefix="/items", tags=["items"])

MAX_ITEM_ID = 1000

# Repeat the parameter to pass several: /items?tag=python&tag=web. No tag means no filter.
TagQuery = Annotated[
    list[str],
    Query(default_factory=list, description="이 태그를 모두 가진 상품만 (반복 가능)"),
]
# A leading "-" sorts descending; anything else fails the pattern with a 422.
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
    """Filter by every ``tag``, then sort, then cut one page; ``total`` counts the filtered."""
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
    """``item_id`` arrives as text in the URL; FastAPI turns it into an ``int`` or answers 422."""
    for item in catalog:
        if item["id"] == item_id:
            return item
    raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"{item_id}번 상품을 찾을 수 없습니다")
