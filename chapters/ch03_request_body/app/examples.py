"""Example bodies the docs show: on the ``Item`` schema and on ``PUT /items/{item_id}``.

Each is a valid body (the tests send every one of them), so "Try it out" in /docs works as is.
"""

from typing import Any

ITEM_EXAMPLE: dict[str, Any] = {
    "name": "제주 감귤 3kg",
    "price": 18900,
    "discount_price": 15900,
    "description": "당도 높은 제철 감귤",
    "tags": ["과일", "제철"],
    "images": [{"url": "https://example.com/images/gamgyul.jpg", "name": "감귤 상자"}],
}

# ``openapi_examples``: several named examples, each with a summary, picked from a drop-down.
REPLACE_EXAMPLES: dict[str, Any] = {
    "minimal": {
        "summary": "필수 필드만",
        "description": "`name`과 `price`만 보내면 나머지는 기본값이 된다.",
        "value": {"name": "무선 키보드", "price": 59000},
    },
    "full": {"summary": "모든 필드", "value": ITEM_EXAMPLE},
}
