"""Passwords (argon2 hashes) and access tokens (JWT, HS256): who is calling.

``CurrentUserDep`` reads ``Authorization: Bearer <token>``; anything else is a 401 with
``WWW-Authenticate: Bearer``, as RFC 6750 asks.
"""

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

password_hash = PasswordHash.recommended()  # argon2id
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="login")


@functools.cache
def dummy_hash() -> str:
    """Verified against when the user does not exist, so that both cases cost the same time.
    Made on first use: argon2 is slow on purpose, and startup should not wait for it."""
    return password_hash.hash("not a real password")


def hash_password(password: str) -> str:
    return password_hash.hash(password)


def authenticate(db: Session, username: str, password: str) -> User | None:
    """The user if the password is right; ``None`` for a wrong password or an unknown user."""
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
    """The user a valid, unexpired token names (a missing token: 401 from ``oauth2_scheme``)."""
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
