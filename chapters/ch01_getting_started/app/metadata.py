"""자동 문서(``/docs``, ``/redoc``)와 ``/openapi.json``에 보이는 앱 메타데이터."""

TITLE = "FastAPI 시작하기"
VERSION = "1.0.0"
DESCRIPTION = "챕터 1: 첫 FastAPI 앱 — 루트, 헬스 체크, HTTP 메서드별 경로 작업, 자동 문서."

TAGS = [
    {"name": "basics", "description": "첫 번째 경로 작업"},
    {"name": "health", "description": "서버 상태 확인"},
    {"name": "methods", "description": "HTTP 메서드마다 하나의 경로 작업"},
]
