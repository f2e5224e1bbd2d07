"""Chapter 9: form fields, file uploads with limits, downloads, middleware, CORS, routers.

Run it:  uvicorn chapters.ch09_files_and_middleware.app.main:app --reload
Then try POST /upload in /docs; the response headers show X-Request-ID and X-Process-Time.
"""

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware

from .config import Settings, get_settings
from .middleware import BodySizeLimitMiddleware, request_id_and_timing
from .routers import files, forms, system
from .validation import validation_error

# What the test suite uses (the grading contract in the README), besides ``app``.
__all__ = ["Settings", "app", "get_settings"]

settings = get_settings()

app = FastAPI(
    title="파일 업로드, 미들웨어, CORS, 라우터",
    version="1.0.0",
    description="챕터 9: Form 필드, 파일 업로드와 다운로드, 요청 ID 미들웨어, CORS, APIRouter.",
    openapi_tags=[
        {"name": "files", "description": "파일 업로드와 다운로드"},
        {"name": "forms", "description": "폼 데이터"},
        {"name": "system", "description": "헬스 체크와 요청 ID"},
    ],
)

app.exception_handler(RequestValidationError)(validation_error)
app.include_router(files.router)
app.include_router(forms.router)
app.include_router(system.router)

# The middleware added last runs first: CORS, then the request id, then the size limit.
app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_request_bytes)
app.middleware("http")(request_id_and_timing)
app.add_middleware(
    CORSMiddleware,
    allow_origins=settings.cors_origins,  # an explicit list, never "*"
    allow_methods=["GET", "POST"],
    allow_headers=["Content-Type", "X-Request-ID"],
    expose_headers=["X-Request-ID", "X-Process-Time"],  # let the page's JavaScript read them
)
