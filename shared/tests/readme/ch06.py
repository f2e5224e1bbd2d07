"""Chapter 6 -- dependency injection, in one file (FastAPI-tutorial style).

Run:  API_KEY=... uvicorn solution:app --reload   (this folder on PYTHONPATH / as cwd)

Hooks the grading contract names: ``get_settings``, ``get_event_log``,
``make_nonce``, ``PaginationDep`` (plus ``app``).
"""

from __future__ import annotations

import itertools
import os
import secrets
import threading
import uuid
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Any, Iterator
from urllib.parse import quote, unquote

from fastapi import (
    APIRouter,
    Cookie,
    Depends,
    FastAPI,
    Header,
    HTTPException,
    Path,
    Query,
    Request,
    Response,
    status,
)
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.security import APIKeyHeader
from starlette.exceptions import HTTPException as StarletteHTTPException

# ---------------------------------------------------------------------------
# The catalog: 12 fixed items, ids 1-12 in that order, and a fake "connection"
# ---------------------------------------------------------------------------

CATALOG: list[dict[str, Any]] = [
    {"id": 1, "name": "HB 연필", "price": 500},
    {"id": 2, "name": "4B 연필", "price": 600},
    {"id": 3, "name": "Ballpoint Pen", "price": 1200},
    {"id": 4, "name": "Gel Pen", "price": 1500},
    {"id": 5, "name": "Fountain Pen", "price": 25000},
    {"id": 6, "name": "A5 Notebook", "price": 3000},
    {"id": 7, "name": "Spiral Notebook", "price": 2500},
    {"id": 8, "name": "지우개", "price": 800},
    {"id": 9, "name": "Highlighter", "price": 1000},
    {"id": 10, "name": "Sticky Notes", "price": 1800},
    {"id": 11, "name": "Stapler", "price": 7000},
    {"id": 12, "name": "Maßband 줄자", "price": 4000},
]


class ClosedConnectionError(RuntimeError):
    """Using a connection after it was closed -- a bug in the caller."""


class CatalogConnection:
    """Stands in for a database session (the real one comes in chapter 7)."""

    _ids = itertools.count(1)
    _ids_lock = threading.Lock()

    def __init__(self) -> None:
        with self._ids_lock:
            self.id = next(self._ids)
        self.closed = False

    def _check(self) -> None:
        if self.closed:
            raise ClosedConnectionError(f"connection {self.id} is closed")

    def search(self, term: str | None, offset: int, limit: int) -> tuple[list[dict[str, Any]], int]:
        self._check()
        found = [i for i in CATALOG if term is None or term in i["name"].casefold()]
        return [dict(i) for i in found[offset : offset + limit]], len(found)

    def get(self, item_id: int) -> dict[str, Any] | None:
        self._check()
        return next((dict(i) for i in CATALOG if i["id"] == item_id), None)

    def close(self) -> None:
        self.closed = True


# ---------------------------------------------------------------------------
# Settings (secrets come from the environment only)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    api_key: str | None


@lru_cache
def get_settings() -> Settings:
    """One ``Settings`` per process; call ``get_settings.cache_clear()`` after changing env."""
    return Settings(api_key=os.environ.get("API_KEY") or None)


SettingsDep = Annotated[Settings, Depends(get_settings)]

# ---------------------------------------------------------------------------
# Event log and the ``yield`` dependency
# ---------------------------------------------------------------------------

EVENTS: deque[dict[str, Any]] = deque(maxlen=200)  # the long-running server keeps the last 200


def get_event_log() -> deque[dict[str, Any]]:
    """Where ``get_connection`` writes; tests override this with their own list."""
    return EVENTS


EventLogDep = Annotated[Any, Depends(get_event_log)]


def get_connection(events: EventLogDep) -> Iterator[CatalogConnection]:
    conn = CatalogConnection()
    events.append({"connection": conn.id, "event": "open"})
    try:
        yield conn
    except Exception as exc:
        events.append({"connection": conn.id, "event": "error", "error": type(exc).__name__})
        raise  # let FastAPI turn it into the right response
    finally:
        conn.close()
        events.append({"connection": conn.id, "event": "close"})


ConnectionDep = Annotated[CatalogConnection, Depends(get_connection)]

# ---------------------------------------------------------------------------
# Parameter dependencies: function, class, sub-dependency, aliases
# ---------------------------------------------------------------------------

MAX_Q = 50


def _clean(term: str | None) -> str | None:
    """Strip and case-fold; an empty term means "no term"."""
    if term is None:
        return None
    term = term.strip().casefold()
    return term or None


def search_term(
    q: Annotated[str | None, Query(max_length=MAX_Q, description="Search text")] = None,
) -> str | None:
    return _clean(q)


SearchTermDep = Annotated[str | None, Depends(search_term)]


class Pagination:
    """FastAPI reads ``__init__``'s parameters as query parameters."""

    def __init__(
        self,
        page: Annotated[int, Query(ge=1, description="Page number, from 1")] = 1,
        size: Annotated[int, Query(ge=1, le=50, description="Items per page")] = 10,
    ) -> None:
        self.page = page
        self.size = size

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size


PaginationDep = Annotated[Pagination, Depends(Pagination)]


@dataclass
class SearchQuery:
    term: str | None
    source: str | None  # "query" | "cookie" | None


def query_or_cookie(
    term: SearchTermDep,
    last_query: Annotated[str | None, Cookie()] = None,
) -> SearchQuery:
    """``q`` wins; otherwise the remembered ``last_query`` cookie, if it is a valid term."""
    if term is not None:
        return SearchQuery(term, "query")
    if last_query is not None:
        try:
            remembered = unquote(last_query, errors="strict")
        except UnicodeDecodeError:
            remembered = None
        # A bad cookie is ignored, not a 422: the client did not type it.
        if remembered is not None and len(remembered) <= MAX_Q:
            cleaned = _clean(remembered)
            if cleaned is not None:
                return SearchQuery(cleaned, "cookie")
    return SearchQuery(None, None)


SearchQueryDep = Annotated[SearchQuery, Depends(query_or_cookie)]

# ---------------------------------------------------------------------------
# Global dependency: X-Request-ID
# ---------------------------------------------------------------------------

REQUEST_ID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"


def request_id(
    request: Request,
    response: Response,
    x_request_id: Annotated[
        str | None,
        Header(pattern=REQUEST_ID_PATTERN, description="A UUID; echoed back, or a new one"),
    ] = None,
) -> str:
    rid = x_request_id or str(uuid.uuid4())
    request.state.request_id = rid
    response.headers["X-Request-ID"] = rid
    return rid


# ---------------------------------------------------------------------------
# Per-request caching
# ---------------------------------------------------------------------------


def make_nonce() -> str:
    return secrets.token_hex(16)


def nonce_via_sub_dependency(nonce: Annotated[str, Depends(make_nonce)]) -> str:
    return nonce


# ---------------------------------------------------------------------------
# API key (router dependency)
# ---------------------------------------------------------------------------

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


def verify_api_key(
    settings: SettingsDep,
    api_key: Annotated[str | None, Depends(api_key_header)],
) -> None:
    if not settings.api_key:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, detail="API key is not configured")
    if not api_key:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail="Missing API key",
            headers={"WWW-Authenticate": "APIKey"},
        )
    if not secrets.compare_digest(api_key.encode(), settings.api_key.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="Invalid API key")


# ---------------------------------------------------------------------------
# App
# ---------------------------------------------------------------------------

app = FastAPI(title="Chapter 6: dependencies", dependencies=[Depends(request_id)])


def _with_request_id(request: Request, response: Response) -> Response:
    rid = getattr(request.state, "request_id", None)
    if rid is not None:
        response.headers["X-Request-ID"] = rid
    return response


@app.exception_handler(StarletteHTTPException)
async def http_error_with_request_id(request: Request, exc: StarletteHTTPException) -> Response:
    return _with_request_id(request, await http_exception_handler(request, exc))


@app.exception_handler(RequestValidationError)
async def validation_error_with_request_id(request: Request, exc: RequestValidationError) -> Response:
    return _with_request_id(request, await request_validation_exception_handler(request, exc))


def _page_body(term: str | None, pages: Pagination, items: list, total: int) -> dict[str, Any]:
    return {"q": term, "page": pages.page, "size": pages.size, "total": total, "items": items}


@app.get("/items")
def list_items(term: SearchTermDep, pages: PaginationDep, conn: ConnectionDep):
    items, total = conn.search(term, pages.offset, pages.size)
    return _page_body(term, pages, items, total)


@app.get("/items/{item_id}", responses={404: {"description": "Item not found"}})
def read_item(item_id: Annotated[int, Path(ge=1)], conn: ConnectionDep):
    item = conn.get(item_id)
    if item is None:
        raise HTTPException(status_code=404, detail=f"Item {item_id} not found")
    return item


@app.get("/search")
def search(found: SearchQueryDep, pages: PaginationDep, conn: ConnectionDep, response: Response):
    if found.term is None:
        items, total = [], 0  # nothing to look for -> nothing found
    else:
        items, total = conn.search(found.term, pages.offset, pages.size)
    if found.source == "query":
        response.set_cookie("last_query", quote(found.term, safe=""), httponly=True, samesite="lax")
    return {**_page_body(found.term, pages, items, total), "source": found.source}


@app.get("/nonces/cached")
def cached_nonces(
    first: Annotated[str, Depends(make_nonce)],
    second: Annotated[str, Depends(make_nonce)],
    via_sub_dependency: Annotated[str, Depends(nonce_via_sub_dependency)],
):
    return {"first": first, "second": second, "via_sub_dependency": via_sub_dependency}


@app.get("/nonces/uncached")
def uncached_nonces(
    first: Annotated[str, Depends(make_nonce)],
    second: Annotated[str, Depends(make_nonce, use_cache=False)],
):
    return {"first": first, "second": second}


@app.get("/events")
def list_events(events: EventLogDep):
    return list(events)


secure = APIRouter(
    prefix="/secure",
    tags=["secure"],
    dependencies=[Depends(verify_api_key)],
    responses={
        401: {"description": "No API key"},
        403: {"description": "Wrong API key"},
        503: {"description": "No API key configured on the server"},
    },
)


@secure.get("/report")
def secure_report():
    return {"report": "all systems go", "items": len(CATALOG)}


@secure.get("/ping")
def secure_ping():
    return {"ping": "pong"}


app.include_router(secure)
