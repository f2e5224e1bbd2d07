"""이 챕터 라우트의 응답 본문."""

from typing import Literal

from pydantic import BaseModel

from .catalog import Item


class ItemPage(BaseModel):
    """(검색어로 거를 수 있는) 상품 목록의 한 페이지와, 일치한 전체 개수."""

    q: str | None
    page: int
    size: int
    total: int
    items: list[Item]


class SearchResult(ItemPage):
    """검색 결과 한 페이지: 검색어가 ``?q=``와 ``last_query`` 쿠키 중 어디서 왔는지도 담습니다."""

    source: Literal["query", "cookie"] | None


class NonceReport(BaseModel):
    first: str
    second: str
    via_sub_dependency: str | None = None


class Report(BaseModel):
    app_name: str
    items: int
    total_value: int
