"""자동 문서(/docs, /redoc)와 /openapi.json에 보이는 앱 정보."""

TITLE = "요청 본문과 Pydantic 모델"
VERSION = "3.0.0"
DESCRIPTION = (
    "챕터 3: JSON 요청 본문을 Pydantic 모델로 받는다 — Field 제약, 중첩 모델과 리스트, "
    "본문+경로+쿼리, 스키마 예시, 커스텀 검증기, 읽을 수 있는 422."
)

TAGS = [{"name": "items", "description": "상품 등록, 조회, 교체 (메모리에 저장)"}]
