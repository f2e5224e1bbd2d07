"""``page``/``size`` query parameters with defaults and bounds, and slicing a list by them."""

from collections.abc import Sequence
from typing import Annotated

from fastapi import Query

from .models import Item, Page

DEFAULT_SIZE = 10
MAX_SIZE = 100

# Annotated aliases: the type, the validation and the docs of a parameter, written once.
PageQuery = Annotated[int, Query(ge=1, description="1부터 시작하는 페이지 번호")]
SizeQuery = Annotated[int, Query(ge=1, le=MAX_SIZE, description="한 페이지의 상품 수")]


def paginate(items: Sequence[Item], page: int, size: int) -> Page:
    """The ``page``-th slice of ``size`` items; past the end it is empty, never an error."""
    start = (page - 1) * size
    return {
        "items": list(items[start : start + size]),
        "page": page,
        "size": size,
        "total": len(items),
    }
