"""Checks of FastAPI's 422 answers, for any chapter's tests: readable errors, compared by kind."""

from typing import Any

import httpx

LOCATIONS = {"path", "query", "header", "cookie", "body"}


def validation_errors(response: httpx.Response) -> list[dict[str, Any]]:
    """The ``detail`` of a 422, once every entry proved readable: ``type``, ``loc``, ``msg``."""
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, list)
    assert detail
    for error in detail:
        assert isinstance(error["type"], str)
        assert error["type"]
        assert isinstance(error["loc"], list)
        assert error["loc"][0] in LOCATIONS
        assert isinstance(error["msg"], str)
        assert error["msg"].strip()
    return detail


def error_kinds(response: httpx.Response) -> list[tuple[str, tuple[Any, ...]]]:
    """``(type, loc)`` of every error, sorted: what went wrong and where, not the wording."""
    return sorted(((e["type"], tuple(e["loc"])) for e in validation_errors(response)), key=repr)
