"""Who is calling: the Bearer token read, checked and turned into a user; role checks on top."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer

from .config import SettingsDep
from .crud import get_user_by_username
from .database import SessionDep
from .models import User
from .security import read_access_token

# Reads "Authorization: Bearer <token>" (401 with WWW-Authenticate: Bearer if missing) and
# tells /docs where to get a token, so its "Authorize" button works.
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="login")

TokenDep = Annotated[str, Depends(oauth2_scheme)]

# For the ``responses=`` of the routers that use these checks: /docs and /openapi.json list the
# answers a caller without a (valid) token or without the role gets.
UNAUTHORIZED: dict[int | str, dict[str, Any]] = {
    401: {"description": "토큰이 없거나 유효하지 않음 (WWW-Authenticate: Bearer)"}
}
FORBIDDEN: dict[int | str, dict[str, Any]] = {403: {"description": "필요한 역할이 없음"}}


def get_current_user(token: TokenDep, db: SessionDep, settings: SettingsDep) -> User:
    """The user named by a valid token; 401 for any bad token, with no hint which check failed."""
    username = read_access_token(token, settings)
    user = get_user_by_username(db, username) if username is not None else None
    if user is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="인증 정보를 확인할 수 없습니다 (could not validate credentials).",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_role(role: str) -> Callable[[User], User]:
    """A dependency that lets only users with ``role`` through: 403 for the others."""

    def check_role(user: CurrentUser) -> User:
        if user.role != role:
            raise HTTPException(
                status_code=status.HTTP_403_FORBIDDEN,
                detail=f"권한이 없습니다: '{role}' 역할이 필요합니다 (role '{role}' required).",
            )
        return user

    return check_role
