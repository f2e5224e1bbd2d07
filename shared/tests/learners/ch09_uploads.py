"""챕터 9를 읽은 학습자의 풀이: 폼, 업로드와 크기 한도, 미들웨어, CORS, 라우터.

설정은 모듈 상수(`os.environ`)로 읽는다(`Settings`/`get_settings` 없음). 다운로드
(`GET /files/{file_id}`)와 내용 검사(시그니처), 빈 파일 422는 만들지 않았다.
"""

import json
import os
import re
import time
import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, FastAPI, Form, HTTPException, Request, UploadFile
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, EmailStr, Field

UPLOAD_DIR = Path(os.environ.get("UPLOAD_DIR", "uploads"))
MAX_UPLOAD_BYTES = int(os.environ.get("MAX_UPLOAD_BYTES", 2 * 1024 * 1024))
MAX_REQUEST_BYTES = int(os.environ.get("MAX_REQUEST_BYTES", 10 * 1024 * 1024))
CORS_ORIGINS = json.loads(
    os.environ.get("CORS_ORIGINS", '["http://localhost:3000", "http://127.0.0.1:3000"]')
)

EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
}

# --- files ---------------------------------------------------------------------------------
files_router = APIRouter(tags=["files"])


def save(file: UploadFile) -> dict:
    content_type = (file.content_type or "").split(";")[0].strip()
    if content_type not in EXTENSIONS:
        raise HTTPException(status_code=415, detail=f"허용되지 않는 형식입니다: {content_type}")
    contents = file.file.read()  # 동기 함수라서 file.file을 바로 읽는다
    if len(contents) > MAX_UPLOAD_BYTES:
        raise HTTPException(
            status_code=413, detail=f"파일이 너무 큽니다 (최대 {MAX_UPLOAD_BYTES} bytes)"
        )
    file_id = uuid.uuid4().hex + EXTENSIONS[content_type]
    UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
    (UPLOAD_DIR / file_id).write_bytes(contents)
    return {
        "id": file_id,
        "original_name": Path((file.filename or "").replace("\\", "/")).name,
        "content_type": content_type,
        "size": len(contents),
        "download_url": f"/files/{file_id}",
    }


@files_router.post("/upload", status_code=201)
def upload_file(file: UploadFile, description: Annotated[str | None, Form(max_length=200)] = None):
    return {**save(file), "description": description}


@files_router.post("/uploads", status_code=201)
def upload_files(files: list[UploadFile]):
    saved = [save(file) for file in files]
    return {"files": saved, "total_size": sum(f["size"] for f in saved)}


# --- forms ---------------------------------------------------------------------------------
forms_router = APIRouter(prefix="/forms", tags=["forms"])


@forms_router.post("/contact")
async def contact(
    name: Annotated[str, Form(min_length=1, max_length=50)],
    email: Annotated[EmailStr, Form()],
    message: Annotated[str, Form(min_length=1, max_length=1000)],
    subscribe: Annotated[bool, Form()] = False,
):
    return {"name": name, "email": email, "message": message, "subscribe": subscribe}


class ProfileForm(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=3, max_length=20, pattern=r"^[a-z0-9_]+$")
    age: int = Field(ge=0, le=150)
    bio: str = ""


@forms_router.post("/profile")
async def profile(form: Annotated[ProfileForm, Form()]):
    return form


# --- system --------------------------------------------------------------------------------
system_router = APIRouter(tags=["system"])


@system_router.get("/health")
async def health():
    return {"status": "ok"}


@system_router.get("/request-id")
async def read_request_id(request: Request):
    return {"request_id": request.state.request_id}


# --- app -----------------------------------------------------------------------------------
app = FastAPI(title="파일 업로드와 미들웨어")
app.include_router(files_router)
app.include_router(forms_router)
app.include_router(system_router)


@app.middleware("http")
async def add_request_id_and_process_time(request: Request, call_next):
    request_id = request.headers.get("X-Request-ID", "")
    if not re.fullmatch(r"[A-Za-z0-9._-]{1,64}", request_id):
        request_id = uuid.uuid4().hex
    request.state.request_id = request_id
    start_time = time.perf_counter()
    content_length = request.headers.get("content-length", "")
    if content_length.isdigit() and int(content_length) > MAX_REQUEST_BYTES:
        response = JSONResponse(status_code=413, content={"detail": "요청 본문이 너무 큽니다"})
    else:
        response = await call_next(request)
    response.headers["X-Request-ID"] = request_id
    response.headers["X-Process-Time"] = str(time.perf_counter() - start_time)
    return response


app.add_middleware(
    CORSMiddleware,
    allow_origins=CORS_ORIGINS,
    allow_methods=["GET", "POST"],
    allow_headers=["Content-Type", "X-Request-ID"],
    expose_headers=["X-Request-ID", "X-Process-Time"],
)
