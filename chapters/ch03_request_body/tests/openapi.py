"""/docs처럼 /openapi.json 읽기: 이름을 짐작하지 않고 ``$ref``를 따라간다."""

from typing import Any


def resolve(schema: dict[str, Any], ref: dict[str, Any]) -> dict[str, Any]:
    """``{"$ref": "#/components/schemas/X"}``가 가리키는 컴포넌트."""
    return schema["components"]["schemas"][ref["$ref"].rsplit("/", 1)[1]]


def json_body(schema: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    """경로 처리의 요청 본문 중 ``application/json`` 항목(스키마, 예시)."""
    return schema["paths"][path][method]["requestBody"]["content"]["application/json"]


def item_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """``POST /items`` 본문의 스키마: 클라이언트가 보내는 아이템 모델."""
    return resolve(schema, json_body(schema, "post", "/items")["schema"])
