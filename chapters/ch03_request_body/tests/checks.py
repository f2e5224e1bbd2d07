"""Checks of 422 answers, and of the store behind them, shared by this chapter's tests."""

from typing import Any

import httpx
from fastapi.testclient import TestClient

from shared.testing.checks import error_kinds, validation_errors

__all__ = [
    "added",
    "custom_error",
    "error_kinds",
    "replaced",
    "stored",
    "unknown_id",
    "validation_errors",
    "without_id",
]


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


def added(client: TestClient, before: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The items stored since ``before = stored(client)``; the earlier ones are unchanged.

    Tests compare with what they read first, not with an empty store: a solution whose store
    outlives one ``with TestClient(app)`` block is graded fairly too.
    """
    after = stored(client)
    assert after[: len(before)] == before
    return after[len(before) :]


def replaced(items: list[dict[str, Any]], new: dict[str, Any]) -> list[dict[str, Any]]:
    """``items`` with the one whose id is ``new["id"]`` replaced by ``new``."""
    return [new if item["id"] == new["id"] else item for item in items]


def unknown_id(client: TestClient) -> int:
    """An id no stored item has, whatever the store held before this test."""
    return max((item["id"] for item in stored(client)), default=0) + 1000


def without_id(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if key != "id"}
