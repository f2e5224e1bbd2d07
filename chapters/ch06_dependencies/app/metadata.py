"""자동 문서(/docs, /redoc)와 /openapi.json에 보이는 앱 메타데이터."""

TITLE = "의존성 주입"
VERSION = "1.0.0"
DESCRIPTION = (
    "챕터 6: `Depends` 함수와 클래스, 하위 의존성, `yield` 의존성의 정리 작업, "
    "라우터·전역 의존성(API 키, 요청 ID), 요청 단위 캐싱, `Annotated` 별칭."
)

TAGS = [
    {"name": "items", "description": "검색·페이지 의존성과 연결을 여닫는 yield 의존성"},
    {"name": "caching", "description": "한 요청 안에서 의존성은 한 번만 실행된다"},
    {"name": "secure", "description": "라우터 의존성: 모든 경로에 X-API-Key 필요"},
    {"name": "events", "description": "yield 의존성이 남긴 열기/닫기 기록"},
]
