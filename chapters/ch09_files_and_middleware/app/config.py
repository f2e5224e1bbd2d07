"""환경 변수에서 읽는 설정: 업로드 폴더, 크기 한도, 허용 형식, CORS 출처.

목록은 JSON으로 줍니다(예: ``CORS_ORIGINS='["https://app.example.com"]'``).
"""

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from fastapi import Depends
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings

from .filetypes import EXTENSIONS

# 챕터 자신의 data/ 폴더(git이 무시함). 첫 파일을 저장할 때 만들어집니다.
DEFAULT_UPLOAD_DIR = Path(__file__).resolve().parents[1] / "data" / "uploads"


class Settings(BaseSettings):
    upload_dir: Path = DEFAULT_UPLOAD_DIR
    # 파일 하나의 한도. upload_dir로 복사하면서 확인합니다.
    max_upload_bytes: int = Field(default=2 * 1024 * 1024, gt=0)
    # 요청 본문 전체의 한도. 본문을 파싱하기 전에 미들웨어가 확인합니다.
    max_request_bytes: int = Field(default=10 * 1024 * 1024, gt=0)
    allowed_content_types: list[str] = Field(default_factory=lambda: list(EXTENSIONS))
    # JavaScript로 API를 부를 수 있는 브라우저 출처. "*"는 쓰지 않습니다.
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
    """프로세스마다 ``Settings`` 하나. 테스트는 이 의존성을 오버라이드합니다."""
    return Settings()


SettingsDep = Annotated[Settings, Depends(get_settings)]
