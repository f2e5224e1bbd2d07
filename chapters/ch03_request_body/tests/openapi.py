"""Reading /openapi.json the way /docs does: follow ``$ref``s instead of assuming names."""

from typing import Any


def resolve(schema: dict[str, Any], ref: dict[str, Any]) -> dict[str, Any]:
    """The component a ``{"$ref": "#/components/schemas/X"}`` points at."""
    return schema["components"]["schemas"][ref["$ref"].rsplit("/", 1)[1]]


def json_body(schema: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    """The ``application/json`` entry of an operation's request body (schema, examples)."""
    return schema["paths"][path][method]["requestBody"]["content"]["application/json"]


def item_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema of ``POST /items``'s body: the item model clients send."""
    return resolve(schema, json_body(schema, "post", "/items")["schema"])
