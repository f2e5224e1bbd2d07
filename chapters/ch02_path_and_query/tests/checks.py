"""Checks the tests of this chapter share: 422 answers, OpenAPI parameters, item ids."""

from typing import Any

from shared.testing.checks import error_kinds, validation_errors

__all__ = ["error_kinds", "ids", "parameter", "validation_errors"]


def parameter(schema: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    """The OpenAPI description of one parameter of ``GET path``."""
    parameters = schema["paths"][path]["get"]["parameters"]
    matches = [p for p in parameters if p["name"] == name]
    assert len(matches) == 1, f"GET {path} declares no parameter {name!r}"
    return matches[0]


def ids(items: list[dict[str, Any]]) -> list[int]:
    return [item["id"] for item in items]
