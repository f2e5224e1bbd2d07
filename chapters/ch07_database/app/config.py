"""Settings from the environment: where the database is.

``DATABASE_URL`` picks the database; without it the app uses ``data/items.db`` beside this
chapter (the folder is made on startup and ignored by git).
"""

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
DEFAULT_DATABASE_URL = f"sqlite:///{(DATA_DIR / 'items.db').as_posix()}"


class Settings(BaseSettings):
    """Read once from environment variables (``DATABASE_URL``)."""

    database_url: str = DEFAULT_DATABASE_URL


@lru_cache
def get_settings() -> Settings:
    return Settings()
