"""전역 의존성: 모든 라우트가 ``X-Request-ID`` 헤더를 붙여 응답합니다.

호출한 쪽의 id는 그대로 돌려주고, 없으면 새로 만듭니다. 없는 경로의 404에는 붙지 않습니다.
"""

import uuid
from typing import Annotated

from fastapi import Header, Response

REQUEST_ID_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"


def request_id(
    response: Response,
    x_request_id: Annotated[str | None, Header(pattern=REQUEST_ID_PATTERN)] = None,
) -> str:
    value = x_request_id or uuid.uuid4().hex
    response.headers["X-Request-ID"] = value
    return value
