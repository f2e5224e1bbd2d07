"""쿼리 파라미터 의존성: 함수, 클래스(페이지 처리), 하위 의존성.

엔드포인트는 같은 매개변수와 제한을 반복하는 대신 ``Annotated`` 별칭을 나눠 씁니다.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Literal, TypeVar
from urllib.parse import unquote

from fastapi import Cookie, Depends, Query

LAST_QUERY_COOKIE = "last_query"
MAX_TERM_LENGTH = 50
T = TypeVar("T")


def search_term(
    q: Annotated[
        str | None,
        Query(max_length=MAX_TERM_LENGTH, description="이름에 포함된 검색어 (search term)"),
    ] = None,
) -> str | None:
    """함수 의존성: ``q``의 앞뒤 공백을 빼고 대소문자를 통일합니다. 빈 ``q``는 필터 없음."""
    if q is None or not q.strip():
        return None
    return q.strip().casefold()


SearchDep = Annotated[str | None, Depends(search_term)]


@dataclass(frozen=True)
class SearchQuery:
    term: str | None
    source: Literal["query", "cookie"] | None


def query_or_cookie(
    term: SearchDep, last_query: Annotated[str | None, Cookie()] = None
) -> SearchQuery:
    """하위 의존성: ``search_term`` 위에서, 검색어가 없으면 마지막 검색의 쿠키를 씁니다.

    잘못된 쿠키는 거부하지 않고 무시합니다(이유는 README의 "더 나아가기").
    """
    if term is not None:
        return SearchQuery(term, "query")
    remembered = search_term(unquote(last_query)) if last_query else None
    if remembered is None or len(remembered) > MAX_TERM_LENGTH:
        return SearchQuery(None, None)
    return SearchQuery(remembered, "cookie")


QueryOrCookieDep = Annotated[SearchQuery, Depends(query_or_cookie)]


class Pagination:
    """클래스 의존성: FastAPI가 ``__init__``의 시그니처에서 ``page``/``size``를 읽습니다."""

    def __init__(
        self,
        page: Annotated[int, Query(ge=1, description="1부터 시작하는 페이지 번호")] = 1,
        size: Annotated[int, Query(ge=1, le=50, description="페이지당 항목 수 (최대 50)")] = 10,
    ) -> None:
        self.page = page
        self.size = size

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def apply(self, rows: Sequence[T]) -> list[T]:
        """``rows`` 가운데 이 페이지의 구간."""
        return list(rows[self.offset : self.offset + self.size])


# 인자 없는 Depends(): 타입 주석에 적은 클래스가 곧 의존성입니다.
PaginationDep = Annotated[Pagination, Depends()]
