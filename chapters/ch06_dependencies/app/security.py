"""``/secure`` 라우터가 모든 라우트 앞에 두는 API 키 검사.

헤더가 없으면 401, 틀린 키는 403, 서버에 키가 없으면 503입니다(README 참고).
"""

import secrets
from typing import Annotated

from fastapi import HTTPException, Security, status
from fastapi.security import APIKeyHeader

from .config import SettingsDep

# auto_error=False: 에러는 직접 던지고, /docs의 "Authorize" 버튼은 그대로 둡니다.
api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="서버의 `API_KEY` 환경 변수와 같은 값"
)


def verify_api_key(
    settings: SettingsDep, api_key: Annotated[str | None, Security(api_key_header)]
) -> None:
    """하위 의존성의 사슬: 설정과 헤더가 이 검사의 의존성입니다."""
    expected = settings.api_key.get_secret_value() if settings.api_key else ""
    if not expected:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            "서버에 API 키가 설정되지 않았습니다 (set API_KEY).",
        )
    if not api_key:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "X-API-Key 헤더가 필요합니다.",
            headers={"WWW-Authenticate": "APIKey"},
        )
    # compare_digest는 어디서 달라지든 같은 시간이 걸려 응답 시간으로 단서를 주지 않습니다.
    if not secrets.compare_digest(api_key.encode(), expected.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "API 키가 올바르지 않습니다.")
