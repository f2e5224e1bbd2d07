"""챕터 6 README만 읽은 학습자의 풀이: 함수·클래스 의존성, yield 의존성, API 키 헤더.

전역 `X-Request-ID` 의존성이 없고, `yield` 의존성은 모듈 목록 `events`에 직접 기록합니다
(`get_event_log` 의존성이 없습니다). 쿠키에서 읽은 검색어의 길이도 확인하지 않습니다.
"""

import uuid
from functools import lru_cache
from typing import Annotated
from urllib.parse import quote, unquote

from fastapi import APIRouter, Cookie, Depends, FastAPI, HTTPException, Query, Response
from fastapi.security import APIKeyHeader
from pydantic import BaseModel
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    api_key: str | None = None


@lru_cache
def get_settings() -> Settings:
    return Settings()


SettingsDep = Annotated[Settings, Depends(get_settings)]

app = FastAPI()

NAMES = [
    ("연필", 500),
    ("색연필 12색", 6000),
    ("볼펜", 1000),
    ("지우개", 700),
    ("공책", 2000),
    ("형광펜", 1200),
    ("가위", 3500),
    ("풀", 900),
    ("자 30cm", 1500),
    ("USB 메모리 32GB", 9000),
    ("A4 용지", 5500),
    ("스테이플러", 4000),
]
items = [{"id": i, "name": name, "price": price} for i, (name, price) in enumerate(NAMES, 1)]


def search_term(q: Annotated[str | None, Query(max_length=50)] = None) -> str | None:
    if q is None or not q.strip():
        return None
    return q.strip().lower()


class Pagination:
    def __init__(
        self,
        page: Annotated[int, Query(ge=1)] = 1,
        size: Annotated[int, Query(ge=1, le=50)] = 10,
    ):
        self.page = page
        self.size = size


PaginationDep = Annotated[Pagination, Depends()]


def find(term: str | None) -> list[dict]:
    if term is None:
        return items
    return [item for item in items if term in item["name"].lower()]


def page_of(found: list[dict], pagination: Pagination) -> list[dict]:
    start = (pagination.page - 1) * pagination.size
    return found[start : start + pagination.size]


@app.get("/items")
def read_items(q: Annotated[str | None, Depends(search_term)], pagination: PaginationDep):
    found = find(q)
    return {
        "q": q,
        "page": pagination.page,
        "size": pagination.size,
        "total": len(found),
        "items": page_of(found, pagination),
    }


events: list[dict] = []
connection_numbers = iter(range(1, 1_000_000))


def get_connection():
    number = next(connection_numbers)
    events.append({"connection": number, "event": "open"})
    try:
        yield number
    except Exception as exc:
        events.append({"connection": number, "event": "error", "error": type(exc).__name__})
        raise
    finally:
        events.append({"connection": number, "event": "close"})


@app.get("/items/{item_id}")
def read_item(item_id: int, connection: Annotated[int, Depends(get_connection)]):
    for item in items:
        if item["id"] == item_id:
            return item
    raise HTTPException(status_code=404, detail=f"{item_id}번 상품이 없습니다")


@app.get("/events")
def read_events():
    return events


def query_or_cookie(
    q: Annotated[str | None, Depends(search_term)],
    last_query: Annotated[str | None, Cookie()] = None,
):
    if q:
        return q, "query"
    remembered = search_term(unquote(last_query)) if last_query else None
    if remembered:
        return remembered, "cookie"
    return None, None


@app.get("/search")
def search(
    query: Annotated[tuple, Depends(query_or_cookie)],
    pagination: PaginationDep,
    response: Response,
):
    term, source = query
    found = find(term) if term else []
    if source == "query":
        response.set_cookie("last_query", quote(term))  # 한글은 그대로 쿠키에 못 넣는다
    return {
        "q": term,
        "source": source,
        "page": pagination.page,
        "size": pagination.size,
        "total": len(found),
        "items": page_of(found, pagination),
    }


def make_nonce() -> str:
    return uuid.uuid4().hex


class NonceReport(BaseModel):
    first: str
    second: str
    via_sub_dependency: str | None = None


def signed_nonce(nonce: Annotated[str, Depends(make_nonce)]) -> str:
    return "signed:" + nonce


@app.get("/nonces/cached")
def cached(
    first: Annotated[str, Depends(make_nonce)],
    second: Annotated[str, Depends(make_nonce)],
    signed: Annotated[str, Depends(signed_nonce)],
):
    return NonceReport(first=first, second=second, via_sub_dependency=signed)


@app.get("/nonces/uncached", response_model_exclude_none=True)
def uncached(
    first: Annotated[str, Depends(make_nonce)],
    second: Annotated[str, Depends(make_nonce, use_cache=False)],
):
    return NonceReport(first=first, second=second)


api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)


def verify_api_key(
    settings: SettingsDep, api_key: Annotated[str | None, Depends(api_key_header)]
) -> None:
    if not settings.api_key:
        raise HTTPException(status_code=503, detail="API_KEY가 설정되지 않았습니다")
    if api_key is None:
        raise HTTPException(
            status_code=401,
            detail="X-API-Key 헤더가 필요합니다",
            headers={"WWW-Authenticate": "APIKey"},
        )
    if api_key != settings.api_key:
        raise HTTPException(status_code=403, detail="API 키가 틀렸습니다")


secure = APIRouter(prefix="/secure", dependencies=[Depends(verify_api_key)])


@secure.get("/report")
def report():
    return {"items": len(items), "total_value": sum(item["price"] for item in items)}


@secure.get("/ping")
def ping():
    return {"authenticated": True}


app.include_router(secure)
