"""The last HTTP answer a test received, so that a lost test's reason can say what came back.

``assert response.status_code == 201`` fails as ``assert 404 == 201``; the feedback adds the
answer itself: its status and the start of its body. Every ``send`` of httpx's clients (which
``TestClient`` and ``AsyncClient`` both go through) is wrapped once per process.
"""

from __future__ import annotations

import functools
import importlib
from typing import Any

BODY_START = 120
_last: list[Any] = []  # the response itself: described only when a test failed


def describe(response: Any) -> str:
    try:
        body = response.text
    except Exception:
        body = ""
    body = " ".join(body.split())
    if len(body) > BODY_START:
        body = body[:BODY_START] + "…"
    return f"{response.status_code} {body}".strip()


def remember(response: Any) -> Any:
    _last[:] = [response]
    return response


def wrap(cls: Any) -> None:
    send = cls.send
    if getattr(send, "_remembers", False):
        return
    if hasattr(send, "__code__") and send.__code__.co_flags & 0x80:  # async def

        @functools.wraps(send)
        async def async_send(self: Any, *args: Any, **kwargs: Any) -> Any:
            return remember(await send(self, *args, **kwargs))

        async_send._remembers = True  # type: ignore[attr-defined]
        cls.send = async_send
    else:

        @functools.wraps(send)
        def sync_send(self: Any, *args: Any, **kwargs: Any) -> Any:
            return remember(send(self, *args, **kwargs))

        sync_send._remembers = True  # type: ignore[attr-defined]
        cls.send = sync_send


def install() -> None:
    for name in ("httpx", "httpx2"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for cls_name in ("Client", "AsyncClient"):
            cls = getattr(module, cls_name, None)
            if cls is not None:
                wrap(cls)


def forget() -> None:
    _last.clear()


def last() -> str:
    return describe(_last[0]) if _last else ""
