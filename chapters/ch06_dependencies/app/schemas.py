"""Response bodies of the chapter's routes."""

from typing import Literal

from pydantic import BaseModel

from .catalog import Item


class ItemPage(BaseModel):
    """One page of the (optionally filtered) catalogue, with the number of all matches."""

    q: str | None
    page: int
    size: int
    total: int
    items: list[Item]


class SearchResult(ItemPage):
    """A search page, saying whether the term came from ``?q=`` or the ``last_query`` cookie."""

    source: Literal["query", "cookie"] | None


class NonceReport(BaseModel):
    first: str
    second: str
    via_sub_dependency: str | None = None


class Report(BaseModel):
    app_name: str
    items: int
    total_value: int
