"""``/search``: a required query with length limits and an optional Enum filter."""

from typing import Annotated

from fastapi import APIRouter, Query

from ..catalog import CatalogDep
from ..models import Category, SearchResult

router = APIRouter(tags=["search"])

# No default: ``q`` is required. Lengths count characters, so "감귤" (2) passes min_length=2.
SearchText = Annotated[
    str, Query(min_length=2, max_length=50, description="상품명에 들어 있는 글자 (대소문자 무시)")
]


@router.get("/search", summary="상품명 검색")
def search(
    q: SearchText,
    catalog: CatalogDep,
    category: Annotated[Category | None, Query(description="이 카테고리에서만")] = None,
) -> SearchResult:
    """Names containing ``q``, ignoring case; ``category`` narrows them when given."""
    needle = q.casefold()
    results = [
        item
        for item in catalog
        if needle in item["name"].casefold() and category in (None, item["category"])
    ]
    return {"q": q, "category": category, "results": results}
