"""자동 문서(/docs, /redoc)와 /openapi.json에 나오는 앱 메타데이터."""

TITLE = "인증과 보안"
VERSION = "1.0.0"
DESCRIPTION = "챕터 8: 회원 가입, 비밀번호 해시, OAuth2 password flow + JWT, 역할별 접근 제어."

TAGS = [
    {"name": "auth", "description": "로그인과 토큰 발급"},
    {"name": "users", "description": "회원 가입과 내 정보"},
    {"name": "protected", "description": "로그인이 필요한 경로"},
    {"name": "admin", "description": "admin 역할이 필요한 경로"},
]
