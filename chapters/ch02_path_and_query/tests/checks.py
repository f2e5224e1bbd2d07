"""Checks the tests of this chapter share: 422 answers, OpenAPI parameters, item ids."""

from typing import Any

import httpx


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


def parameter(schema: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    """The OpenAPI description of one parameter of ``GET path``."""
    parameters = schema["paths"][path]["get"]["parameters"]
    matches = [p for p in parameters if p["name"] == name]
    assert len(matches) == 1, f"GET {path} declares no parameter {name!r}"
    return matches[0]


def ids(items: list[dict[str, Any]]) -> list[int]:
    return [item["id"] for item in items]
