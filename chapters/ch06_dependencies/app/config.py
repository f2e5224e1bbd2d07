"""Settings from the environment: the API key is never written in the code.

``API_KEY=... uvicorn chapters.ch06_dependencies.app.main:app`` sets it; without it the
protected routes answer 503 instead of accepting a default key someone could guess.
"""

from functools import lru_cache
from typing import Annotated

from fastapi import Depends
from pydantic import SecretStr
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    """Read once from environment variables (``API_KEY``, ``APP_NAME``)."""

    app_name: str = "의존성 주입 데모"
    api_key: SecretStr | None = None


@lru_cache
def get_settings() -> Settings:
    """One ``Settings`` per process; call ``get_settings.cache_clear()`` after changing env."""
    return Settings()


SettingsDep = Annotated[Settings, Depends(get_settings)]
