"""Settings from the environment: the JWT signing key is never written in the code.

``SECRET_KEY=... uvicorn chapters.ch08_authentication.app.main:app`` sets it. Without it the
process makes up a random key and logs a warning: the app still works, but its tokens stop
being valid when the process restarts (and differ between worker processes).
"""

import logging
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import Depends
from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings

logger = logging.getLogger(__name__)

# The chapter's own data/ folder (git-ignored); created on first use by database.get_engine.
DEFAULT_DATABASE_URL = f"sqlite:///{Path(__file__).resolve().parents[1] / 'data' / 'users.db'}"
MIN_SECRET_KEY_LENGTH = 32  # HS256 wants a key at least as long as its 256-bit hash


def random_secret_key() -> SecretStr:
    """The fallback when ``SECRET_KEY`` is unset: unguessable, but only good for this process."""
    logger.warning(
        "SECRET_KEY is not set: using a random key for this process. "
        "Tokens will not survive a restart; set SECRET_KEY in the environment."
    )
    return SecretStr(secrets.token_urlsafe(32))


class Settings(BaseSettings):
    """Read from environment variables of the same name in upper case (``SECRET_KEY``...)."""

    secret_key: SecretStr = Field(default_factory=random_secret_key)
    access_token_expire_minutes: int = Field(default=30, gt=0)
    database_url: str = DEFAULT_DATABASE_URL
    # Optional first admin, created when the database is first used (as in full-stack-fastapi-
    # template's FIRST_SUPERUSER): registration itself never hands out the admin role.
    first_admin_username: str | None = None
    first_admin_password: SecretStr | None = None

    @field_validator("secret_key")
    @classmethod
    def secret_key_is_long_enough(cls, value: SecretStr) -> SecretStr:
        if len(value.get_secret_value()) < MIN_SECRET_KEY_LENGTH:
            raise ValueError(f"SECRET_KEY must be at least {MIN_SECRET_KEY_LENGTH} characters")
        return value

    @model_validator(mode="after")
    def first_admin_is_complete(self) -> "Settings":
        if (self.first_admin_username is None) != (self.first_admin_password is None):
            raise ValueError("set both FIRST_ADMIN_USERNAME and FIRST_ADMIN_PASSWORD, or neither")
        return self


@lru_cache
def get_settings() -> Settings:
    """One ``Settings`` per process (and so one random key); tests override this dependency."""
    return Settings()


SettingsDep = Annotated[Settings, Depends(get_settings)]
