"""응답의 헤더와 쿠키: ``Response`` 매개변수로, 또는 직접 만든 응답에 붙입니다.

``Response``에 설정한 헤더와 쿠키는 FastAPI가 만드는 응답에 복사됩니다.
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
THEME_MAX_AGE = 60 * 60 * 24 * 365  # 초 단위: 선택을 1년 동안 기억합니다
# HttpOnly: 페이지 스크립트가 읽을 수 없습니다. HTTPS로 운영할 때는 secure=True도 더하세요.
COOKIE_OPTIONS: CookieOptions = {"path": "/", "httponly": True, "samesite": "lax"}


def is_theme(value: str | None) -> TypeGuard[Theme]:
    return value in get_args(Theme)


@router.put("/preferences/theme", responses=UNREADABLE_BODY, summary="테마 저장 (Set-Cookie)")
def set_theme(choice: ThemeChoice, response: Response) -> ThemeChoice:
    response.set_cookie(THEME_COOKIE, choice.theme, max_age=THEME_MAX_AGE, **COOKIE_OPTIONS)
    return choice


@router.get("/preferences/theme", summary="테마 읽기 (쿠키에서)")
def read_theme(theme: Annotated[str | None, Cookie(max_length=20)] = None) -> ThemeChoice:
    """쿠키가 없거나 모르는 값(예: 옛 버전의 값)이면 기본 테마입니다."""
    return ThemeChoice(theme=theme if is_theme(theme) else DEFAULT_THEME)


@router.delete(
    "/preferences/theme",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="테마 초기화 (쿠키 삭제)",
)
def reset_theme(response: Response) -> None:
    """쿠키 삭제는 같은 경로와 플래그로 쿠키를 만료시키는 ``Set-Cookie``입니다."""
    response.delete_cookie(THEME_COOKIE, **COOKIE_OPTIONS)


@router.get("/notice", summary="공지 (직접 만든 응답의 헤더)")
def read_notice() -> JSONResponse:
    """직접 만든 응답: 헤더는 정확히 여기서 준 것만 붙습니다."""
    return JSONResponse(
        content={"notice": "이번 주 토요일 02:00–04:00 점검이 있습니다."},
        headers={"Cache-Control": "no-store", "Content-Language": "ko"},
    )
