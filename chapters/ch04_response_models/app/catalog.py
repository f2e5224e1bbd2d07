"""Fixed data for the read-only endpoints: more fields than clients may see, on purpose.

Every catalog entry carries ``cost`` (what the shop paid): ``response_model=Item`` is what keeps
it out of the answers. The entries also set different subsets of ``Item``'s fields, which is what
``response_model_exclude_unset`` shows.
"""

from typing import Any

ITEMS: dict[str, dict[str, Any]] = {
    # Only name and price set: exclude_unset leaves the defaults out.
    "keyboard": {"name": "기계식 키보드", "price": 89000, "cost": 52000},
    # Every field set to a non-default value.
    "mouse": {
        "name": "무선 마우스",
        "description": "저소음 클릭",
        "price": 32000,
        "tax": 3200,
        "tags": ["무선", "사무용"],
        "cost": 18000,
    },
    # Fields set to values equal to the defaults: set is set, so they stay in the answer.
    "cable": {
        "name": "USB-C 케이블",
        "description": None,
        "price": 9900,
        "tax": None,
        "tags": [],
        "cost": 2500,
    },
}

VEHICLES: dict[int, dict[str, Any]] = {
    1: {"type": "car", "description": "출퇴근용 소형차"},
    2: {"type": "plane", "description": "제주행 여객기", "size": 180},
}

KEYWORD_WEIGHTS: dict[str, float] = {"키보드": 2.5, "마우스": 1.8, "케이블": 0.4}
