"""``/search``: 길이 제한이 있는 필수 쿼리와 선택 Enum 필터."""

from typing import Annotated

from fastapi import APIRouter, Query

from ..catalog import CatalogDep
from ..models import Category, SearchResult

router = APIRouter(tags=["search"])

# 기본값이 없으므로 ``q``는 필수입니다. 길이는 글자 수라서 "감귤"(2자)은 min_length=2를 통과합니다.
SearchText = Annotated[
    str, Query(min_length=2, max_length=50, description="상품명에 들어 있는 글자 (대소문자 무시)")
]


@router.get("/search", summary="상품명 검색")
def search(
    q: SearchText,
    catalog: CatalogDep,
    category: Annotated[Category | None, Query(description="이 카테고리에서만")] = None,
) -> SearchResult:
    """대소문자를 무시하고 ``q``가 든 이름을 찾습니다. ``category``가 있으면 그 안에서만."""
    needle = q.casefold()
    results = [
        item
        for item in catalog
        if needle in item["name"].casefold() and category in (None, item["category"])
    ]
    return {"q": q, "category": category, "results": results}
