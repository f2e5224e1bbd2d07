"""Query-parameter dependencies: a function, a class (pagination) and a sub-dependency.

Endpoints declare ``SearchDep`` or ``PaginationDep`` instead of repeating the same parameters,
limits and clean-up in every signature; the ``Annotated`` aliases are what they share.
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
    """A plain function dependency: trims and case-folds ``q``; a blank ``q`` means no filter."""
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
    """A sub-dependency: builds on ``search_term`` and falls back to the last search's cookie.

    The cookie holds the term percent-encoded (header values are ASCII); a cookie that is not
    a valid term is ignored rather than refused: the client did not type it.
    """
    if term is not None:
        return SearchQuery(term, "query")
    remembered = search_term(unquote(last_query)) if last_query else None
    if remembered is None or len(remembered) > MAX_TERM_LENGTH:
        return SearchQuery(None, None)
    return SearchQuery(remembered, "cookie")


QueryOrCookieDep = Annotated[SearchQuery, Depends(query_or_cookie)]


class Pagination:
    """A class as a dependency: FastAPI reads ``page``/``size`` from ``__init__``'s signature."""

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
        """This page's slice of ``rows``."""
        return list(rows[self.offset : self.offset + self.size])


# Depends() with no argument: the class named in the annotation is the dependency.
PaginationDep = Annotated[Pagination, Depends()]
