"""A global dependency: every route answers with an ``X-Request-ID`` header.

A caller's own id is echoed (so logs on both sides match); otherwise a new one is made.
Dependencies run only on matched routes, so 404s carry no id; chapter 9's middleware does.
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
