"""환경 변수에서 읽는 설정: JWT 서명 키는 코드에 적지 않습니다.

``SECRET_KEY``가 없으면 프로세스마다 무작위 키를 만들고 경고를 남깁니다.
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

# 챕터 자신의 data/ 폴더(git이 무시함). database.get_engine이 처음 쓸 때 만듭니다.
DEFAULT_DATABASE_URL = f"sqlite:///{Path(__file__).resolve().parents[1] / 'data' / 'users.db'}"
MIN_SECRET_KEY_LENGTH = 32  # HS256의 키는 해시(256비트)만큼은 길어야 합니다


def random_secret_key() -> SecretStr:
    """``SECRET_KEY``가 없을 때 쓰는 키: 짐작할 수 없지만 이 프로세스에서만 통합니다."""
    logger.warning(
        "SECRET_KEY is not set: using a random key for this process. "
        "Tokens will not survive a restart; set SECRET_KEY in the environment."
    )
    return SecretStr(secrets.token_urlsafe(32))


class Settings(BaseSettings):
    """같은 이름의 대문자 환경 변수(``SECRET_KEY``...)에서 읽습니다."""

    secret_key: SecretStr = Field(default_factory=random_secret_key)
    access_token_expire_minutes: int = Field(default=30, gt=0)
    database_url: str = DEFAULT_DATABASE_URL
    # 선택 사항인 첫 관리자. 데이터베이스를 처음 쓸 때 만듭니다.
    # 회원 가입으로는 admin 역할을 절대 주지 않습니다.
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
    """프로세스마다 ``Settings`` 하나(무작위 키도 하나). 테스트는 이 의존성을 오버라이드합니다."""
    return Settings()


SettingsDep = Annotated[Settings, Depends(get_settings)]
