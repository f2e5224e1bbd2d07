"""Chapter 8: users in SQLite, hashed passwords, JWT access tokens, a role-restricted route.

Run it:  SECRET_KEY=$(python -c "import secrets; print(secrets.token_urlsafe(32))") \\
         uvicorn chapters.ch08_authentication.app.main:app --reload
Then in /docs: register with POST /users, press "Authorize", log in, call GET /users/me.
"""

from fastapi import FastAPI

from .config import Settings, get_settings
from .crud import create_user
from .database import get_db
from .models import Base
from .routers import admin, auth, protected, users

# What the test suite uses (the grading contract in the README), besides ``app``.
__all__ = ["Base", "Settings", "app", "create_user", "get_db", "get_settings"]

app = FastAPI(
    title="인증과 보안",
    version="1.0.0",
    description="챕터 8: 회원 가입, 비밀번호 해시, OAuth2 password flow + JWT, 역할별 접근 제어.",
    openapi_tags=[
        {"name": "auth", "description": "로그인과 토큰 발급"},
        {"name": "users", "description": "회원 가입과 내 정보"},
        {"name": "protected", "description": "로그인이 필요한 경로"},
        {"name": "admin", "description": "admin 역할이 필요한 경로"},
    ],
)

app.include_router(auth.router)
app.include_router(users.router)
app.include_router(protected.router)
app.include_router(admin.router)
