"""Password hashing (argon2 through pwdlib) and JWT access tokens (PyJWT, HS256).

A token is signed, not encrypted: anyone can read its claims, nobody without the key can
change them. ``exp`` makes every token expire; ``sub`` names the user it was issued to.
"""

from datetime import datetime, timedelta, timezone
from functools import cache

import jwt
from pwdlib import PasswordHash

from .config import Settings

ALGORITHM = "HS256"

password_hash = PasswordHash.recommended()  # argon2id with the library's current parameters


@cache
def dummy_hash() -> str:
    """Verified against when the username is unknown, so that case costs as long as a wrong
    password and the response time does not tell which usernames exist (made on first use)."""
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
    """The token's subject, or ``None`` if it is malformed, forged, expired or incomplete."""
    try:
        claims = jwt.decode(
            token,
            settings.secret_key.get_secret_value(),
            algorithms=[ALGORITHM],  # never trust the token's own "alg" (e.g. "none")
            options={"require": ["exp", "sub"]},
        )
    except jwt.InvalidTokenError:
        return None
    subject: str = claims["sub"]  # PyJWT가 문자열인지 검사했다
    return subject
