"""환경 변수에서 읽는 설정: 데이터베이스의 위치.

``DATABASE_URL``이 없으면 ``data/items.db``를 씁니다. 폴더는 시작할 때 만들고, git이 무시합니다.
"""

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
DEFAULT_DATABASE_URL = f"sqlite:///{(DATA_DIR / 'items.db').as_posix()}"


class Settings(BaseSettings):
    """환경 변수(``DATABASE_URL``)에서 한 번 읽는 설정입니다."""

    database_url: str = DEFAULT_DATABASE_URL


@lru_cache
def get_settings() -> Settings:
    return Settings()
