"""Settings from the environment: where uploads go, how big they may be, who may call us.

``UPLOAD_DIR``, ``MAX_UPLOAD_BYTES``, ``MAX_REQUEST_BYTES``, ``ALLOWED_CONTENT_TYPES`` and
``CORS_ORIGINS`` (lists as JSON, e.g. ``CORS_ORIGINS='["https://app.example.com"]'``).
"""

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import Depends
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings

from .filetypes import EXTENSIONS

# The chapter's own data/ folder (git-ignored), created when the first file is stored.
DEFAULT_UPLOAD_DIR = Path(__file__).resolve().parents[1] / "data" / "uploads"


class Settings(BaseSettings):
    upload_dir: Path = DEFAULT_UPLOAD_DIR
    # One file's limit, checked while it is copied into upload_dir.
    max_upload_bytes: int = Field(default=2 * 1024 * 1024, gt=0)
    # The whole request body's limit, checked before the body is parsed (middleware).
    max_request_bytes: int = Field(default=10 * 1024 * 1024, gt=0)
    allowed_content_types: list[str] = Field(default_factory=lambda: list(EXTENSIONS))
    # Browsers' origins allowed to call the API from JavaScript; never "*" with credentials.
    cors_origins: list[str] = ["http://localhost:3000", "http://127.0.0.1:3000"]

    @field_validator("allowed_content_types")
    @classmethod
    def only_known_types(cls, value: list[str]) -> list[str]:
        unknown = set(value) - set(EXTENSIONS)
        if unknown:
            raise ValueError(f"no file signature known for {sorted(unknown)}")
        return value


@lru_cache
def get_settings() -> Settings:
    """One ``Settings`` per process; tests override this dependency."""
    return Settings()


SettingsDep = Annotated[Settings, Depends(get_settings)]
