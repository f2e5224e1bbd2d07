"""자동 문서(/docs, /redoc)와 /openapi.json에 나오는 앱 메타데이터."""

TITLE = "CRUD와 에러 처리"
VERSION = "1.0.0"
DESCRIPTION = (
    "챕터 5: 메모리에 두는 `/items` CRUD, 404/409 `HTTPException`, 직접 만든 예외와 핸들러, "
    '검증 오류 핸들러. 모든 에러 본문은 `{"detail": ...}` 한 가지 모양이다.'
)

TAGS = [
    {"name": "items", "description": "아이템 CRUD: 목록·조회·생성·전체 수정·부분 수정·삭제·구매"}
]
