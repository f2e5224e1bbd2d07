"""자동 문서(``/docs``, ``/redoc``)와 ``/openapi.json``에 보이는 앱 메타데이터."""

TITLE = "경로 매개변수와 쿼리 매개변수"
VERSION = "2.0.0"
DESCRIPTION = (
    "챕터 2: 타입이 있는 경로 매개변수, Enum 경로, 선택/기본 쿼리 매개변수, "
    "Path/Query 검증, 리스트 쿼리, page/size 페이지네이션."
)

TAGS = [
    {"name": "items", "description": "상품 목록(페이지네이션, 태그, 정렬)과 상품 하나"},
    {"name": "categories", "description": "Enum 경로 매개변수로 고르는 카테고리"},
    {"name": "search", "description": "길이 제한이 있는 필수 쿼리로 상품명 검색"},
]
