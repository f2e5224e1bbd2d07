"""기본값과 범위가 있는 ``page``/``size`` 쿼리 파라미터, 그리고 그 값으로 목록 자르기."""

from collections.abc import Sequence
from typing import Annotated

from fastapi import Query

from .models import Item, Page

DEFAULT_SIZE = 10
MAX_SIZE = 100

# Annotated 별칭: 매개변수의 타입, 검증, 문서 설명을 한 번에 적습니다.
PageQuery = Annotated[int, Query(ge=1, description="1부터 시작하는 페이지 번호")]
SizeQuery = Annotated[int, Query(ge=1, le=MAX_SIZE, description="한 페이지의 상품 수")]


def paginate(items: Sequence[Item], page: int, size: int) -> Page:
    """``size``개씩 자른 ``page``번째 조각. 끝을 지나면 에러가 아니라 빈 페이지입니다."""
    start = (page - 1) * size
    return {
        "items": list(items[start : start + size]),
        "page": page,
        "size": size,
        "total": len(items),
    }
