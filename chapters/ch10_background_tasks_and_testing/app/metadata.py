"""자동 문서(/docs, /redoc)와 /openapi.json에 나오는 앱 메타데이터."""

TITLE = "백그라운드 작업과 테스트"
VERSION = "1.0.0"
DESCRIPTION = (
    "챕터 10: BackgroundTasks로 응답 뒤에 실제 메일 발송, 감사 로그, 업로드 처리, 캐시 갱신, "
    "정리 작업을 실행하고, 재시작해도 알림을 잃지 않는 앱. 테스트하기 쉽게 만든 구조."
)

TAGS = [
    {"name": "notifications", "description": "알림 메일: 202로 바로 응답하고 백그라운드에서 발송"},
    {"name": "items", "description": "아이템 CRUD (목록은 백그라운드에서 갱신되는 캐시)"},
    {"name": "users", "description": "회원 가입, 로그인 (폼 데이터), Bearer 토큰으로 보호된 경로"},
    {
        "name": "uploads",
        "description": "파일 업로드: 저장 후 백그라운드에서 크기, 해시, 줄 수 계산",
    },
    {"name": "maintenance", "description": "정리 작업: 만료된 업로드와 오래된 알림 삭제"},
]
