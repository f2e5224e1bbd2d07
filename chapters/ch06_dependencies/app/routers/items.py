"""상품 목록: 함수·클래스 의존성, 하위 의존성, ``yield`` 의존성."""

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Response, status

from ..catalog import Item, search
from ..params import LAST_QUERY_COOKIE, PaginationDep, QueryOrCookieDep, SearchDep
from ..resources import ConnectionDep
from ..schemas import ItemPage, SearchResult

router = APIRouter(tags=["items"])


@router.get("/items", summary="아이템 목록 (검색 + 페이지)")
def list_items(term: SearchDep, pagination: PaginationDep) -> ItemPage:
    matches = search(term)
    return ItemPage(
        q=term,
        page=pagination.page,
        size=pagination.size,
        total=len(matches),
        items=pagination.apply(matches),
    )


@router.get(
    "/items/{item_id}",
    summary="아이템 하나 (연결을 열고 닫는 yield 의존성)",
    responses={404: {"description": "없는 아이템"}},
)
def read_item(item_id: Annotated[int, Path(ge=1)], connection: ConnectionDep) -> Item:
    item = connection.get(item_id)
    if item is None:
        # 연결이 열린 채 예외가 나도 의존성이 연결을 닫습니다.
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"아이템 {item_id}을(를) 찾을 수 없습니다.")
    return item


@router.get("/search", summary="검색 (검색어가 없으면 마지막 검색어 쿠키)")
def search_items(
    query: QueryOrCookieDep, pagination: PaginationDep, response: Response
) -> SearchResult:
    matches = search(query.term) if query.term is not None else []
    if query.source == "query":
        response.set_cookie(
            LAST_QUERY_COOKIE, quote(query.term or "", safe=""), httponly=True, samesite="lax"
        )
    return SearchResult(
        q=query.term,
        source=query.source,
        page=pagination.page,
        size=pagination.size,
        total=len(matches),
        items=pagination.apply(matches),
    )
