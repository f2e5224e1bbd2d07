"""읽기 전용 엔드포인트의 고정 데이터: 클라이언트가 볼 필드보다 일부러 더 넣었습니다.

``cost``(매입가)는 ``response_model=Item``이 응답에서 뺍니다.
"""

from typing import Any

ITEMS: dict[str, dict[str, Any]] = {
    # 이름과 가격만 설정: exclude_unset이 기본값을 뺍니다.
    "keyboard": {"name": "기계식 키보드", "price": 89000, "cost": 52000},
    # 모든 필드를 기본값이 아닌 값으로 설정.
    "mouse": {
        "name": "무선 마우스",
        "description": "저소음 클릭",
        "price": 32000,
        "tax": 3200,
        "tags": ["무선", "사무용"],
        "cost": 18000,
    },
    # 기본값과 같은 값으로 명시: 설정은 설정이므로 응답에 남습니다.
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
