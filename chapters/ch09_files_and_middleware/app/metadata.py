"""자동 문서(/docs, /redoc)와 /openapi.json에 나오는 앱 메타데이터."""

TITLE = "파일 업로드, 미들웨어, CORS, 라우터"
VERSION = "1.0.0"
DESCRIPTION = "챕터 9: Form 필드, 파일 업로드와 다운로드, 요청 ID 미들웨어, CORS, APIRouter."

TAGS = [
    {"name": "files", "description": "파일 업로드와 다운로드"},
    {"name": "forms", "description": "폼 데이터"},
    {"name": "system", "description": "헬스 체크와 요청 ID"},
]
