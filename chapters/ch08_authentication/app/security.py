"""비밀번호 해시(pwdlib의 argon2)와 JWT 액세스 토큰(PyJWT, HS256).

토큰은 암호화가 아니라 서명됩니다. ``exp``로 만료되고, ``sub``가 사용자를 가리킵니다.
"""

from datetime import datetime, timedelta, timezone
from functools import cache

import jwt
from pwdlib import PasswordHash

from .config import Settings

ALGORITHM = "HS256"

password_hash: PasswordHash = PasswordHash.recommended()  # 라이브러리의 현재 설정으로 argon2id


@cache
def dummy_hash() -> str:
    """없는 아이디일 때 대신 확인하는 해시입니다(처음 쓸 때 만듦).

    틀린 비밀번호와 같은 시간이 걸려, 응답 시간으로 있는 아이디를 알 수 없습니다."""
    return password_hash.hash("dummy-password-for-unknown-users")


def hash_password(password: str) -> str:
    return password_hash.hash(password)


def verify_password(password: str, hashed: str) -> bool:
    return password_hash.verify(password, hashed)


def create_access_token(subject: str, settings: Settings) -> str:
    now = datetime.now(timezone.utc)
    claims = {
        "sub": subject,
        "iat": now,
        "exp": now + timedelta(minutes=settings.access_token_expire_minutes),
    }
    return jwt.encode(claims, settings.secret_key.get_secret_value(), algorithm=ALGORITHM)


def read_access_token(token: str, settings: Settings) -> str | None:
    """토큰의 ``sub``입니다.

    형식이 틀리거나, 위조되었거나, 만료되었거나, 필요한 claim이 없으면 ``None``입니다."""
    try:
        claims = jwt.decode(
            token,
            settings.secret_key.get_secret_value(),
            algorithms=[ALGORITHM],  # 토큰이 스스로 적은 "alg"(예: "none")는 믿지 않음
            options={"require": ["exp", "sub"]},
        )
    except jwt.InvalidTokenError:
        return None
    subject: str = claims["sub"]  # PyJWT가 문자열인지 이미 검사했음
    return subject
