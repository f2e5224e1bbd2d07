"""Settings from the environment, with defaults that run with nothing else installed.

Every value can be set with an environment variable of the same name in upper case
(``DATABASE_URL``, ``SMTP_HOST``...). The defaults keep all state in the chapter's own
git-ignored ``data/`` folder, and without ``SMTP_HOST`` mail is written to the log.
"""

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
MIN_SECRET_KEY_LENGTH = 32  # HS256 wants a key at least as long as its 256-bit hash


def random_secret_key() -> SecretStr:
    """The fallback when ``SECRET_KEY`` is unset: unguessable, but only good for this process."""
    logger.warning(
        "SECRET_KEY is not set: using a random key for this process. "
        "Tokens will not survive a restart; set SECRET_KEY in the environment."
    )
    return SecretStr(secrets.token_urlsafe(32))


class Settings(BaseSettings):
    """The app's configuration; ``get_settings`` makes one per process."""

    model_config = SettingsConfigDict(env_ignore_empty=True)

    database_url: str = f"sqlite:///{DATA_DIR / 'ch10.db'}"

    # Mail: without SMTP_HOST the mailer writes each message to the log instead.
    smtp_host: str | None = None
    smtp_port: int = Field(default=25, ge=1, le=65535)
    smtp_timeout: float = Field(default=30, gt=0)  # seconds, per SMTP operation
    # Deliveries at once: they run in their own threads, never in the pool requests need.
    smtp_max_connections: int = Field(default=4, ge=1)
    mail_from: str = "noreply@example.com"

    # Who sends the mail: BackgroundTasks in the web process (nothing else to run), or a
    # Celery worker fed through a Redis broker (``app/celery_tasks.py``, run separately).
    task_backend: Literal["background", "celery"] = "background"
    celery_broker_url: str = "redis://127.0.0.1:6379/0"
    # Seconds before Redis hands an unacknowledged job (its worker died) to another worker.
    # It must exceed the longest delivery, or a slow job is handed out twice.
    celery_visibility_timeout: int = Field(default=3600, ge=1)

    audit_log_path: Path = DATA_DIR / "audit.log"  # one JSON line per state-changing request
    upload_dir: Path = DATA_DIR / "uploads"
    max_upload_bytes: int = Field(default=5 * 1024 * 1024, gt=0)
    # Every other request body (JSON, forms): refused with 413 past this, before it is read.
    max_body_bytes: int = Field(default=64 * 1024, gt=0)

    # Cleanup: uploads older than this are deleted, and so are finished notifications.
    upload_ttl_seconds: float = Field(default=24 * 3600, ge=0)
    notification_ttl_seconds: float = Field(default=30 * 24 * 3600, ge=0)

    secret_key: SecretStr = Field(default_factory=random_secret_key)
    access_token_expire_minutes: int = Field(default=30, gt=0)

    @field_validator("mail_from")
    @classmethod
    def mail_from_is_one_address(cls, value: str) -> str:
        """One header line with an address in it: "a@b.co" or "이름 <a@b.co>"."""
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
    """One ``Settings`` per process (and so one random key); tests override this dependency."""
    return Settings()


SettingsDep = Annotated[Settings, Depends(get_settings)]
