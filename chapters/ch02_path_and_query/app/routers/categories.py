"""``/categories/{category}``: ``Enum``의 멤버만 받는 경로 매개변수."""

from fastapi import APIRouter

from ..catalog import CatalogDep
from ..models import CATEGORY_LABELS, Category, CategoryItems

router = APIRouter(prefix="/categories", tags=["categories"])


@router.get("/{category}", summary="카테고리별 상품")
def list_category(category: Category, catalog: CatalogDep) -> CategoryItems:
    """문서에는 허용 값이 드롭다운으로 보이고, 그 밖의 값은 422입니다."""
    return {
        "category": category,
        "label": CATEGORY_LABELS[category],
        "items": [item for item in catalog if item["category"] == category],
    }
