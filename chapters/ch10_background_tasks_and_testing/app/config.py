"""환경 변수로 읽는 설정. 기본값만으로 다른 것을 설치하지 않고 실행됩니다.

변수 이름은 필드 이름의 대문자(``DATABASE_URL``...)이고, 상태는 챕터의 ``data/``에 둡니다."""

import logging
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from fastapi import Depends
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
MIN_SECRET_KEY_LENGTH = 32  # HS256에는 256비트 해시 이상의 키가 필요


def random_secret_key() -> SecretStr:
    """``SECRET_KEY``가 없을 때의 대안: 추측할 수 없지만 이 프로세스에서만 씁니다."""
    logger.warning(
        "SECRET_KEY is not set: using a random key for this process. "
        "Tokens will not survive a restart; set SECRET_KEY in the environment."
    )
    return SecretStr(secrets.token_urlsafe(32))


class Settings(BaseSettings):
    """앱의 설정. ``get_settings``가 프로세스마다 하나 만듭니다."""

    model_config = SettingsConfigDict(env_ignore_empty=True)

    database_url: str = f"sqlite:///{DATA_DIR / 'ch10.db'}"

    # 메일: SMTP_HOST가 없으면 메일러는 메시지를 로그에 씁니다.
    smtp_host: str | None = None
    smtp_port: int = Field(default=25, ge=1, le=65535)
    smtp_timeout: float = Field(default=30, gt=0)  # SMTP 동작 하나당 초
    # 동시 발송 수: 요청이 쓰는 풀이 아니라 전용 스레드에서 돌아갑니다.
    smtp_max_connections: int = Field(default=4, ge=1)
    mail_from: str = "noreply@example.com"

    # 메일을 보내는 쪽: 웹 프로세스의 BackgroundTasks(따로 실행할 것 없음) 또는
    # Redis 브로커로 작업을 받는 Celery 워커(``app/celery_tasks.py``, 따로 실행).
    task_backend: Literal["background", "celery"] = "background"
    celery_broker_url: str = "redis://127.0.0.1:6379/0"
    # 확인되지 않은 작업(워커가 죽음)을 Redis가 다른 워커에 넘기기까지의 초.
    # 가장 긴 발송보다 길어야 합니다. 아니면 느린 작업이 두 번 나갑니다.
    celery_visibility_timeout: int = Field(default=3600, ge=1)

    audit_log_path: Path = DATA_DIR / "audit.log"  # 상태를 바꾸는 요청마다 JSON 한 줄
    upload_dir: Path = DATA_DIR / "uploads"
    max_upload_bytes: int = Field(default=5 * 1024 * 1024, gt=0)
    # 그 밖의 요청 본문(JSON, 폼): 이보다 크면 읽기 전에 413으로 거절합니다.
    max_body_bytes: int = Field(default=64 * 1024, gt=0)

    # 정리 작업: 이보다 오래된 업로드와 끝난 알림을 지웁니다.
    upload_ttl_seconds: float = Field(default=24 * 3600, ge=0)
    notification_ttl_seconds: float = Field(default=30 * 24 * 3600, ge=0)

    secret_key: SecretStr = Field(default_factory=random_secret_key)
    access_token_expire_minutes: int = Field(default=30, gt=0)

    @field_validator("mail_from")
    @classmethod
    def mail_from_is_one_address(cls, value: str) -> str:
        """주소가 든 헤더 한 줄: "a@b.co" 또는 "이름 <a@b.co>"."""
        if "\r" in value or "\n" in value or "@" not in value:
            raise ValueError("MAIL_FROM must be one email address, on one line")
        return value

    @field_validator("secret_key")
    @classmethod
    def secret_key_is_long_enough(cls, value: SecretStr) -> SecretStr:
        if len(value.get_secret_value()) < MIN_SECRET_KEY_LENGTH:
            raise ValueError(f"SECRET_KEY must be at least {MIN_SECRET_KEY_LENGTH} characters")
        return value


@lru_cache
def get_settings() -> Settings:
    """프로세스마다 ``Settings`` 하나(무작위 키도 하나). 테스트가 오버라이드합니다."""
    return Settings()


SettingsDep = Annotated[Settings, Depends(get_settings)]
