"""``POST /login``: a username and password as form data in, a Bearer token out."""

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
    """OAuth2's password flow reads ``username`` and ``password`` as form fields, not JSON."""
    user = authenticate_user(db, form.username, form.password)
    if user is None:
        # One message for both cases: the answer does not tell whether the username exists.
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="아이디 또는 비밀번호가 올바르지 않습니다 (incorrect username or password).",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return Token(access_token=create_access_token(user.username, settings))
