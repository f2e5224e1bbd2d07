"""The catalog: ``response_model`` filters what leaves, ``exclude_unset`` trims defaults.

The functions return the stored dicts as they are (``cost`` included); the declared response
model decides what the client gets. That is why they say ``-> Any`` and set ``response_model``.
"""

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response, status

from ..catalog import ITEMS, KEYWORD_WEIGHTS
from ..schemas import Item

router = APIRouter(tags=["catalog"])


@router.get("/items", response_model=list[Item], summary="상품 목록 (list response)")
def list_items(
    response: Response,
    tag: Annotated[str | None, Query(max_length=30, description="이 태그가 붙은 상품만")] = None,
) -> Any:
    """Every item with all of ``Item``'s fields, defaults filled in; ``X-Total-Count`` counts."""
    found = [item for item in ITEMS.values() if tag is None or tag in item.get("tags", [])]
    response.headers["X-Total-Count"] = str(len(found))
    return found


@router.get(
    "/items/{item_id}",
    response_model=Item,
    response_model_exclude_unset=True,
    responses={404: {"description": "없는 상품"}},
    summary="상품 하나 (only the fields that were set)",
)
def read_item(item_id: str) -> Any:
    """Fields the entry never set are left out of the answer instead of sent as defaults."""
    if item_id not in ITEMS:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"상품을 찾을 수 없습니다: {item_id}")
    return ITEMS[item_id]


@router.get("/keyword-weights", summary="검색어 가중치 (a dict response)")
def read_keyword_weights() -> dict[str, float]:
    """Keys not known in advance: the response model is a ``dict`` of name to weight."""
    return KEYWORD_WEIGHTS
