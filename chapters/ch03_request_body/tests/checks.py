"""Checks of 422 answers, and of the store behind them, shared by this chapter's tests."""

from typing import Any

import httpx
from fastapi.testclient import TestClient


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
        assert error["loc"][0] in {"path", "query", "body"}
        assert isinstance(error["msg"], str)
        assert error["msg"].strip()
    return detail


def error_kinds(response: httpx.Response) -> list[tuple[str, tuple[Any, ...]]]:
    """``(type, loc)`` of every error, sorted: what went wrong and where, not the wording."""
    return sorted(((e["type"], tuple(e["loc"])) for e in validation_errors(response)), key=repr)


def custom_error(response: httpx.Response, loc: list[Any]) -> str:
    """The one error a custom validator raised at ``loc``; its message must say something."""
    [error] = validation_errors(response)
    assert (error["type"], error["loc"]) == ("value_error", loc)
    prefix = "Value error, "  # what Pydantic puts before a ValueError's own message
    assert error["msg"].startswith(prefix)
    assert error["msg"].removeprefix(prefix).strip()
    return error["msg"]


def stored(client: TestClient) -> list[dict[str, Any]]:
    """Everything the store holds right now: what a rejected request must leave unchanged."""
    response = client.get("/items")
    assert response.status_code == 200
    return response.json()


def without_id(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if key != "id"}
