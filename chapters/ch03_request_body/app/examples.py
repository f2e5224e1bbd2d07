"""문서에 보이는 예시 본문: ``Item`` 스키마와 ``PUT /items/{item_id}``에 붙입니다.

모두 올바른 본문이라(테스트가 하나하나 보냅니다) /docs의 "Try it out"이 그대로 동작합니다.
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

# ``openapi_examples``: 요약이 붙은 이름 있는 예시 여러 개, /docs의 드롭다운에서 고릅니다.
REPLACE_EXAMPLES: dict[str, Any] = {
    "minimal": {
        "summary": "필수 필드만",
        "description": "`name`과 `price`만 보내면 나머지는 기본값이 된다.",
        "value": {"name": "무선 키보드", "price": 59000},
    },
    "full": {"summary": "모든 필드", "value": ITEM_EXAMPLE},
}
