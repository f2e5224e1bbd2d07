"""자동 문서(/docs, /redoc)와 /openapi.json에 나오는 앱 메타데이터."""

TITLE = "데이터베이스 연동 (SQLAlchemy)"
VERSION = "1.0.0"
DESCRIPTION = (
    "챕터 7: SQLAlchemy 2.0과 SQLite로 `/items` CRUD — 요청마다 세션(`get_db`), "
    "ORM 모델과 Pydantic 스키마 분리, 이름 중복은 409, SQL에서 페이지 나누기."
)

TAGS = [{"name": "items", "description": "데이터베이스에 저장되는 아이템 CRUD"}]
