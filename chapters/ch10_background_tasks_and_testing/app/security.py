"""비밀번호(argon2 해시)와 액세스 토큰(JWT, HS256): 누가 호출하는지 확인합니다.

``CurrentUserDep``는 Bearer 토큰을 읽고, 그 밖에는 ``WWW-Authenticate: Bearer``와 401입니다."""

import functools
from datetime import datetime, timedelta, timezone
from typing import Annotated

import jwt
from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer
from pwdlib import PasswordHash
from sqlalchemy import select
from sqlalchemy.orm import Session

from .config import Settings, SettingsDep
from .database import SessionDep
from .models import User

ALGORITHM = "HS256"

password_hash: PasswordHash = PasswordHash.recommended()  # argon2id
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="login")


@functools.cache
def dummy_hash() -> str:
    """사용자가 없을 때 비교할 해시: 두 경우가 같은 시간이 걸리게 합니다.

    argon2는 일부러 느리므로, 시작이 기다리지 않게 처음 쓸 때 만듭니다."""
    return password_hash.hash("not a real password")


def hash_password(password: str) -> str:
    return password_hash.hash(password)


def authenticate(db: Session, username: str, password: str) -> User | None:
    """비밀번호가 맞으면 사용자, 틀렸거나 없는 사용자면 ``None``."""
    user = db.scalars(select(User).where(User.username == username)).first()
    if user is None:
        password_hash.verify(password, dummy_hash())
        return None
    return user if password_hash.verify(password, user.hashed_password) else None


def create_access_token(username: str, settings: Settings) -> str:
    expires = datetime.now(timezone.utc) + timedelta(minutes=settings.access_token_expire_minutes)
    payload = {"sub": username, "exp": expires}
    return jwt.encode(payload, settings.secret_key.get_secret_value(), algorithm=ALGORITHM)


def unauthorized(detail: str) -> HTTPException:
    return HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail=detail,
        headers={"WWW-Authenticate": "Bearer"},
    )


def get_current_user(
    token: Annotated[str, Depends(oauth2_scheme)], db: SessionDep, settings: SettingsDep
) -> User:
    """유효하고 만료되지 않은 토큰의 사용자 (토큰이 없으면 ``oauth2_scheme``의 401)."""
    try:
        payload = jwt.decode(
            token,
            settings.secret_key.get_secret_value(),
            algorithms=[ALGORITHM],
            options={"require": ["exp", "sub"]},
        )
    except jwt.ExpiredSignatureError as exc:
        raise unauthorized("토큰이 만료되었습니다") from exc
    except jwt.InvalidTokenError as exc:
        raise unauthorized("유효하지 않은 토큰입니다") from exc
    user = db.scalars(select(User).where(User.username == payload["sub"])).first()
    if user is None:
        raise unauthorized("유효하지 않은 토큰입니다")
    return user


CurrentUserDep = Annotated[User, Depends(get_current_user)]
