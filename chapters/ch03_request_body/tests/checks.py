"""이 챕터의 테스트가 함께 쓰는 검사: 422 응답과 그 뒤의 저장소."""

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
    """사용자 정의 검증기가 ``loc``에서 낸 오류 하나(메시지가 비어 있으면 안 된다)."""
    [error] = validation_errors(response)
    assert (error["type"], error["loc"]) == ("value_error", loc)
    prefix = "Value error, "  # what Pydantic puts before a ValueError's own message
    assert error["msg"].startswith(prefix)
    assert error["msg"].removeprefix(prefix).strip()
    return error["msg"]


def stored(client: TestClient) -> list[dict[str, Any]]:
    """지금 저장소에 든 전부: 거절된 요청이 바꾸지 말아야 할 것."""
    response = client.get("/items")
    assert response.status_code == 200
    return response.json()


def added(client: TestClient, before: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``before = stored(client)`` 뒤에 저장된 아이템, id 순서(그 전 아이템은 그대로여야 한다).

    목록의 순서는 보지 않습니다: id 순서는 ``test_items.py::test_each_item_gets_the_next_id``가
    채점합니다. 목록을 거꾸로 주는 풀이가 저장을 확인하는 모든 테스트를 잃지 않습니다."""
    after = {item["id"]: item for item in stored(client)}
    assert {item["id"]: after.get(item["id"]) for item in before} == {
        item["id"]: item for item in before
    }
    old = {item["id"] for item in before}
    return [after[key] for key in sorted(after) if key not in old]


def replaced(items: list[dict[str, Any]], new: dict[str, Any]) -> list[dict[str, Any]]:
    """``items``에서 id가 ``new["id"]``인 아이템을 ``new``로 바꾼 목록."""
    return [new if item["id"] == new["id"] else item for item in items]


def unknown_id(client: TestClient) -> int:
    """이 테스트 전에 저장소에 무엇이 있었든, 어느 아이템에도 없는 id."""
    return max((item["id"] for item in stored(client)), default=0) + 1000


def without_id(item: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if key != "id"}
