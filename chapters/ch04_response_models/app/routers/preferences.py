"""Headers and cookies on answers: through the ``Response`` parameter, or on a response we build.

A route that declares ``response: Response`` still returns plain data; FastAPI copies the headers
and cookies set on that object onto the answer it builds. Returning a ``JSONResponse`` instead
gives full control (and skips the response model).
"""

from typing import Annotated, Literal, TypedDict, TypeGuard, get_args

from fastapi import APIRouter, Cookie, Response, status
from fastapi.responses import JSONResponse

from ..errors import UNREADABLE_BODY
from ..schemas import Theme, ThemeChoice

router = APIRouter(tags=["headers-and-cookies"])


class CookieOptions(TypedDict):
    """``set_cookie``와 ``delete_cookie``에 같이 넘기는 인자."""

    path: str
    httponly: bool
    samesite: Literal["lax", "strict", "none"]


THEME_COOKIE = "theme"
DEFAULT_THEME: Theme = "light"
THEME_MAX_AGE = 60 * 60 * 24 * 365  # seconds: remember the choice for a year
# HttpOnly: page scripts cannot read it. In production over HTTPS add secure=True as well.
COOKIE_OPTIONS: CookieOptions = {"path": "/", "httponly": True, "samesite": "lax"}


def is_theme(value: str | None) -> TypeGuard[Theme]:
    return value in get_args(Theme)


@router.put("/preferences/theme", responses=UNREADABLE_BODY, summary="테마 저장 (Set-Cookie)")
def set_theme(choice: ThemeChoice, response: Response) -> ThemeChoice:
    response.set_cookie(THEME_COOKIE, choice.theme, max_age=THEME_MAX_AGE, **COOKIE_OPTIONS)
    return choice


@router.get("/preferences/theme", summary="테마 읽기 (쿠키에서)")
def read_theme(theme: Annotated[str | None, Cookie(max_length=20)] = None) -> ThemeChoice:
    """A missing or unknown cookie (an old version's value, say) means the default theme."""
    return ThemeChoice(theme=theme if is_theme(theme) else DEFAULT_THEME)


@router.delete(
    "/preferences/theme",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="테마 초기화 (쿠키 삭제)",
)
def reset_theme(response: Response) -> None:
    """Deleting a cookie is a ``Set-Cookie`` that expires it, with the same path and flags."""
    response.delete_cookie(THEME_COOKIE, **COOKIE_OPTIONS)


@router.get("/notice", summary="공지 (직접 만든 응답의 헤더)")
def read_notice() -> JSONResponse:
    """A response built by hand: its headers are exactly the ones given here."""
    return JSONResponse(
        content={"notice": "이번 주 토요일 02:00–04:00 점검이 있습니다."},
        headers={"Cache-Control": "no-store", "Content-Language": "ko"},
    )
