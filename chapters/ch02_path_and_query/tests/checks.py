"""이 챕터의 테스트가 함께 쓰는 검사: 422 응답, OpenAPI 매개변수, 아이템 id."""

from typing import Any

from shared.testing.checks import error_kinds, validation_errors

__all__ = ["error_kinds", "ids", "parameter", "validation_errors"]


def parameter(schema: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    """``GET path``의 매개변수 하나에 대한 OpenAPI 설명."""
    parameters = schema["paths"][path]["get"]["parameters"]
    matches = [p for p in parameters if p["name"] == name]
    assert len(matches) == 1, f"GET {path} declares no parameter {name!r}"
    return matches[0]


def ids(items: list[dict[str, Any]]) -> list[int]:
    return [item["id"] for item in items]
