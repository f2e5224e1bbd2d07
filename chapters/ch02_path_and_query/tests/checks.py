"""이 챕터의 테스트가 함께 쓰는 검사: 422 응답, OpenAPI 매개변수, 아이템 id."""

from typing import Any

from shared.testing.checks import error_kinds, validation_errors

__all__ = ["error_kinds", "ids", "is_a_run_of", "parameter", "validation_errors"]


def parameter(schema: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    """``GET path``의 매개변수 하나에 대한 OpenAPI 설명."""
    parameters = schema["paths"][path]["get"]["parameters"]
    matches = [p for p in parameters if p["name"] == name]
    assert len(matches) == 1, f"GET {path} declares no parameter {name!r}"
    return matches[0]


def ids(items: list[dict[str, Any]]) -> list[int]:
    return [item["id"] for item in items]


def is_a_run_of(got: list[int], expected: list[int]) -> bool:
    """``got``는 ``expected``에서 잘라 낸, 비어 있지 않은 연속 구간이다.

    정렬과 필터를 확인하는 테스트가 페이지 자르기와 상관없이 순서를 보게 합니다: 페이지를
    하나 밀려 자르는 풀이는 ``test_pagination.py``에서만 점수를 잃습니다."""
    n = len(got)
    return n > 0 and any(expected[i : i + n] == got for i in range(len(expected) - n + 1))
