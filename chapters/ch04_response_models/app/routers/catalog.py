"""카탈로그: ``response_model``이 나갈 것을 거르고, ``exclude_unset``이 기본값을 뺍니다.

함수는 저장된 딕셔너리를 그대로(``cost``까지) 돌려주므로 ``-> Any``와 ``response_model``을 씁니다.
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
    """모든 아이템을 ``Item``의 필드 전부(기본값 채움)로; ``X-Total-Count``에 개수를 담습니다."""
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
    """항목이 설정하지 않은 필드는 기본값으로 보내지 않고 응답에서 뺍니다."""
    if item_id not in ITEMS:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"상품을 찾을 수 없습니다: {item_id}")
    return ITEMS[item_id]


@router.get("/keyword-weights", summary="검색어 가중치 (a dict response)")
def read_keyword_weights() -> dict[str, float]:
    """키를 미리 알 수 없으므로 응답 모델은 이름에서 가중치로 가는 ``dict``입니다."""
    return KEYWORD_WEIGHTS
