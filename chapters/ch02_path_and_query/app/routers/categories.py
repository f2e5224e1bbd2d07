"""``/categories/{category}``: a path parameter limited to the members of an ``Enum``."""

from fastapi import APIRouter

from ..catalog import CatalogDep
from ..models import CATEGORY_LABELS, Category, CategoryItems

router = APIRouter(prefix="/categories", tags=["categories"])


@router.get("/{category}", summary="카테고리별 상품")
def list_category(category: Category, catalog: CatalogDep) -> CategoryItems:
    """The docs show the allowed values as a drop-down; any other value is a 422."""
    return {
        "category": category,
        "label": CATEGORY_LABELS[category],
        "items": [item for item in catalog if item["category"] == category],
    }
