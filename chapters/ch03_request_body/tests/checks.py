"""Checks of 422 answers, and of the store behind them, shared by this chapter's tests."""

from typing import Any

import httpx
from fastapi.testclient import TestClient

from shared.testing.checks import error_kinds, validation_errors

__all__ = ["custom_error", "error_kinds", "stored", "validation_errors", "without_id"]


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
