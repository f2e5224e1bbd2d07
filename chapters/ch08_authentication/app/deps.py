"""누가 호출했는지: Bearer 토큰을 읽고 검증해 사용자로 바꾸고, 그 위에서 역할을 확인합니다."""

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer

from .config import SettingsDep
from .crud import get_user_by_username
from .database import SessionDep
from .models import User
from .security import read_access_token

# "Authorization: Bearer <token>"을 읽습니다(없으면 WWW-Authenticate: Bearer와 함께 401).
# 토큰을 받는 곳을 /docs에 알려 주므로 "Authorize" 버튼이 동작합니다.
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="login")

TokenDep = Annotated[str, Depends(oauth2_scheme)]

# 이 확인을 쓰는 라우터의 ``responses=``: (유효한) 토큰이나 역할이 없는 호출이 받는 응답을
# /docs와 /openapi.json에 적습니다.
UNAUTHORIZED: dict[int | str, dict[str, Any]] = {
    401: {"description": "토큰이 없거나 유효하지 않음 (WWW-Authenticate: Bearer)"}
}
FORBIDDEN: dict[int | str, dict[str, Any]] = {403: {"description": "필요한 역할이 없음"}}


def get_current_user(token: TokenDep, db: SessionDep, settings: SettingsDep) -> User:
    """유효한 토큰이 가리키는 사용자입니다.

    나쁜 토큰은 모두 같은 401이고, 어느 확인에서 걸렸는지는 알려 주지 않습니다."""
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
    """``role``을 가진 사용자만 통과시키는 의존성을 만듭니다. 나머지는 403입니다."""

    def check_role(user: CurrentUser) -> User:
        if user.role != role:
            raise HTTPException(
                status_code=status.HTTP_403_FORBIDDEN,
                detail=f"권한이 없습니다: '{role}' 역할이 필요합니다 (role '{role}' required).",
            )
        return user

    return check_role
