"""환경 변수에서 읽는 설정: API 키는 코드에 쓰지 않습니다.

키가 없으면 보호된 라우트는 짐작 가능한 기본 키 대신 503으로 응답합니다.
"""

from functools import lru_cache
from typing import Annotated

from fastapi import Depends
from pydantic import SecretStr
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    """환경 변수(``API_KEY``, ``APP_NAME``)에서 한 번 읽습니다."""

    app_name: str = "의존성 주입 데모"
    api_key: SecretStr | None = None


@lru_cache
def get_settings() -> Settings:
    """프로세스마다 ``Settings`` 하나; 환경 변수를 바꾼 뒤에는 ``cache_clear()``를 부르세요."""
    return Settings()


SettingsDep = Annotated[Settings, Depends(get_settings)]
