"""The API-key check the ``/secure`` router puts in front of every one of its routes.

401 when the ``X-API-Key`` header is missing (no credentials: FastAPI's own ``APIKeyHeader``
answers the same, with ``WWW-Authenticate: APIKey``), 403 when a key is sent but is not the
configured one, 503 when the server has no key configured at all.
"""

import secrets
from typing import Annotated

from fastapi import HTTPException, Security, status
from fastapi.security import APIKeyHeader

from .config import SettingsDep

# auto_error=False: we raise our own errors, and /docs still gets its "Authorize" button.
api_key_header = APIKeyHeader(
    name="X-API-Key", auto_error=False, description="서버의 `API_KEY` 환경 변수와 같은 값"
)


def verify_api_key(
    settings: SettingsDep, api_key: Annotated[str | None, Security(api_key_header)]
) -> None:
    """A sub-dependency chain: settings and the header are dependencies of this check."""
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
    # compare_digest takes the same time wherever the strings differ: no timing hints.
    if not secrets.compare_digest(api_key.encode(), expected.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "API 키가 올바르지 않습니다.")
