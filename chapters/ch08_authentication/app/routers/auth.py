"""``POST /login``: 아이디와 비밀번호를 폼 데이터로 받고 Bearer 토큰을 돌려줍니다."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.security import OAuth2PasswordRequestForm

from ..config import SettingsDep
from ..crud import authenticate_user
from ..database import SessionDep
from ..schemas import Token
from ..security import create_access_token

router = APIRouter(tags=["auth"])


@router.post(
    "/login",
    responses={401: {"description": "아이디 또는 비밀번호가 틀림"}},
    summary="로그인 (access token 발급)",
)
def login(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], db: SessionDep, settings: SettingsDep
) -> Token:
    """OAuth2 password flow에 따라 ``username``과 ``password``를 JSON이 아닌 폼 필드로 받습니다."""
    user = authenticate_user(db, form.username, form.password)
    if user is None:
        # 두 경우에 같은 메시지: 응답으로는 그 아이디가 있는지 알 수 없습니다.
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="아이디 또는 비밀번호가 올바르지 않습니다 (incorrect username or password).",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return Token(access_token=create_access_token(user.username, settings))
