"""Chapter 9 solution: uploads, downloads, forms, middleware, CORS and routers in one file.

Run:  uvicorn solution:app   (with this folder on PYTHONPATH)

Hooks the grader looks up by name: ``app``, ``get_settings``, ``Settings``.
"""

import codecs
import re
import time
import uuid
from functools import lru_cache
from pathlib import Path, PureWindowsPath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, EmailStr, Field, PositiveInt
from pydantic_settings import BaseSettings
from starlette.datastructures import MutableHeaders

HERE = Path(__file__).resolve().parent

# --- settings --------------------------------------------------------------

KnownType = Literal["image/png", "image/jpeg", "application/pdf", "text/plain"]


class Settings(BaseSettings):
    """Read from UPLOAD_DIR, MAX_UPLOAD_BYTES, MAX_REQUEST_BYTES,
    ALLOWED_CONTENT_TYPES (JSON list) and CORS_ORIGINS (JSON list)."""

    upload_dir: Path = HERE / "data" / "uploads"
    max_upload_bytes: PositiveInt = 2 * 1024 * 1024
    max_request_bytes: PositiveInt = 10 * 1024 * 1024
    allowed_content_types: list[KnownType] = [
        "image/png",
        "image/jpeg",
        "application/pdf",
        "text/plain",
    ]
    cors_origins: list[str] = ["http://localhost:3000", "http://127.0.0.1:3000"]


@lru_cache
def get_settings() -> Settings:
    return Settings()


SettingsDep = Annotated[Settings, Depends(get_settings)]

# --- file types ------------------------------------------------------------

EXTENSION_FOR = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "application/pdf": ".pdf",
    "text/plain": ".txt",
}
TYPE_FOR_EXTENSION = {ext: kind for kind, ext in EXTENSION_FOR.items()}
MAGIC = {
    "image/png": b"\x89PNG\r\n\x1a\n",
    "image/jpeg": b"\xff\xd8\xff",
    "application/pdf": b"%PDF-",
}
CHUNK_SIZE = 64 * 1024
FILE_ID_RE = r"^[0-9a-f]{32}\.[A-Za-z0-9]{1,16}$"

# --- middleware ------------------------------------------------------------

REQUEST_ID_RE = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestIdAndTiming:
    """Pure ASGI middleware: X-Request-ID and X-Process-Time on every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        sent = MutableHeaders(scope=scope).get("x-request-id", "")
        request_id = sent if REQUEST_ID_RE.fullmatch(sent) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        started = time.perf_counter()

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Request-ID"] = request_id
                headers["X-Process-Time"] = f"{time.perf_counter() - started:.6f}"
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodySizeLimit:
    """Pure ASGI middleware: refuse request bodies over ``max_request_bytes``.

    A declared Content-Length over the limit is answered with 413 before any of
    the body is read; a chunked body is counted as it arrives and the read that
    crosses the limit raises HTTPException(413) where the endpoint reads the body.
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = get_settings().max_request_bytes
        declared = MutableHeaders(scope=scope).get("content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > limit:
            response = JSONResponse(
                {"detail": "Request body too large"},
                status_code=413,
                headers={"Connection": "close"},
            )
            await response(scope, receive, send)
            return

        seen = 0

        async def counting_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise HTTPException(status_code=413, detail="Request body too large")
            return message

        await self.app(scope, counting_receive, send)


# --- schemas ---------------------------------------------------------------


class Message(BaseModel):
    detail: str


class StoredFile(BaseModel):
    id: str
    original_name: str
    content_type: str
    size: int
    download_url: str


class UploadOut(StoredFile):
    description: str | None = None


class UploadsOut(BaseModel):
    files: list[StoredFile]
    total_size: int


class ContactOut(BaseModel):
    name: str
    email: str
    message: str
    subscribe: bool


class ProfileForm(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(min_length=3, max_length=20, pattern=r"^[a-z0-9_]+$")
    age: int = Field(ge=0, le=150)
    bio: str | None = None


# --- storage ---------------------------------------------------------------


def empty_file_error(loc: list) -> RequestValidationError:
    return RequestValidationError(
        [{"type": "empty_file", "loc": tuple(loc), "msg": "The file is empty", "input": None}]
    )


def shown_name(filename: str | None) -> str:
    """Last part of the client's name, for display only (never part of a path)."""
    return PureWindowsPath(filename or "").name


def save_one(upload: UploadFile, settings: Settings, loc: list) -> tuple[StoredFile, Path]:
    kind = (upload.content_type or "").split(";")[0].strip().lower()
    if kind not in settings.allowed_content_types:
        raise HTTPException(status_code=415, detail="File type not allowed")

    folder = Path(settings.upload_dir)
    folder.mkdir(parents=True, exist_ok=True)
    name = uuid.uuid4().hex + EXTENSION_FOR[kind]
    partial = folder / f".{name}.part"
    text_check = codecs.getincrementaldecoder("utf-8")() if kind == "text/plain" else None
    size = 0
    try:
        with partial.open("wb") as out:
            while chunk := upload.file.read(CHUNK_SIZE):
                if size == 0 and kind in MAGIC and not chunk.startswith(MAGIC[kind]):
                    raise HTTPException(status_code=415, detail="File content does not match its type")
                size += len(chunk)
                if size > settings.max_upload_bytes:
                    raise HTTPException(status_code=413, detail="File too large")
                if text_check is not None:
                    try:
                        text_check.decode(chunk)
                    except UnicodeDecodeError:
                        raise HTTPException(
                            status_code=415, detail="File content does not match its type"
                        ) from None
                out.write(chunk)
        if size == 0:
            raise empty_file_error(loc)
        if text_check is not None:
            try:
                text_check.decode(b"", final=True)
            except UnicodeDecodeError:
                raise HTTPException(
                    status_code=415, detail="File content does not match its type"
                ) from None
        final = folder / name
        partial.replace(final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    stored = StoredFile(
        id=name,
        original_name=shown_name(upload.filename),
        content_type=kind,
        size=size,
        download_url=f"/files/{name}",
    )
    return stored, final


# --- routers ---------------------------------------------------------------

BROKEN_BODY = {400: {"model": Message, "description": "The multipart/form body could not be parsed"}}
BODY_TOO_LARGE = {413: {"model": Message, "description": "Request body (or a file) too large"}}
BAD_TYPE = {415: {"model": Message, "description": "File type not allowed or content does not match it"}}
DOWNLOAD_TYPES = ["image/png", "image/jpeg", "application/pdf", "text/plain"]

files_router = APIRouter(tags=["files"])
forms_router = APIRouter(prefix="/forms", tags=["forms"])
system_router = APIRouter(tags=["system"])


@files_router.post(
    "/upload",
    status_code=201,
    response_model=UploadOut,
    responses={**BROKEN_BODY, **BODY_TOO_LARGE, **BAD_TYPE},
)
def upload_file(
    file: Annotated[UploadFile, File()],
    settings: SettingsDep,
    description: Annotated[str | None, Form(max_length=200)] = None,
):
    stored, _ = save_one(file, settings, ["body", "file"])
    return UploadOut(**stored.model_dump(), description=description)


@files_router.post(
    "/uploads",
    status_code=201,
    response_model=UploadsOut,
    responses={**BROKEN_BODY, **BODY_TOO_LARGE, **BAD_TYPE},
)
def upload_files(files: Annotated[list[UploadFile], File()], settings: SettingsDep):
    done: list[tuple[StoredFile, Path]] = []
    try:
        for index, upload in enumerate(files):
            done.append(save_one(upload, settings, ["body", "files", index]))
    except BaseException:
        for _, path in done:
            path.unlink(missing_ok=True)
        raise
    stored = [item for item, _ in done]
    return UploadsOut(files=stored, total_size=sum(item.size for item in stored))


@files_router.get(
    "/files/{file_id}",
    response_class=FileResponse,
    responses={
        200: {
            "description": "The stored file, as an attachment",
            "content": {kind: {"schema": {"type": "string", "format": "binary"}} for kind in DOWNLOAD_TYPES},
        },
        404: {"model": Message, "description": "File not found"},
    },
)
def download_file(
    file_id: Annotated[str, PathParam(pattern=FILE_ID_RE)], settings: SettingsDep
):
    path = Path(settings.upload_dir) / file_id
    if not path.is_file():
        raise HTTPException(status_code=404, detail="File not found")
    media_type = TYPE_FOR_EXTENSION.get(path.suffix.lower(), "application/octet-stream")
    return FileResponse(
        path,
        media_type=media_type,
        filename=file_id,
        headers={"X-Content-Type-Options": "nosniff"},
    )


@forms_router.post("/contact", response_model=ContactOut, responses={**BROKEN_BODY, **BODY_TOO_LARGE})
def contact(
    name: Annotated[str, Form(min_length=1, max_length=50)],
    email: Annotated[EmailStr, Form()],
    message: Annotated[str, Form(min_length=1, max_length=1000)],
    subscribe: Annotated[bool, Form()] = False,
):
    return {"name": name, "email": email, "message": message, "subscribe": subscribe}


@forms_router.post("/profile", response_model=ProfileForm, responses={**BROKEN_BODY, **BODY_TOO_LARGE})
def profile(form: Annotated[ProfileForm, Form()]):
    return form


@system_router.get("/health")
def health():
    return {"status": "ok"}


@system_router.get("/request-id")
def read_request_id(request: Request):
    return {"request_id": request.state.request_id}


# --- app -------------------------------------------------------------------

app = FastAPI(title="Chapter 9 files and middleware")
app.include_router(files_router)
app.include_router(forms_router)
app.include_router(system_router)


def _shorten(value: Any) -> Any:
    if isinstance(value, str):
        return value[:100]
    if isinstance(value, list):
        return [_shorten(v) for v in value]
    if isinstance(value, dict):
        return {k: _shorten(v) for k, v in value.items()}
    return value


@app.exception_handler(RequestValidationError)
async def short_validation_errors(request: Request, exc: RequestValidationError):
    """FastAPI's own 422 shape, but a rejected value is echoed back 100 characters at most."""
    errors = jsonable_encoder(exc.errors())
    for error in errors:
        if "input" in error:
            error["input"] = _shorten(error["input"])
    return JSONResponse(status_code=422, content={"detail": errors})


# Last added runs first: CORS -> request id/timing -> body size limit -> app.
app.add_middleware(BodySizeLimit)
app.add_middleware(RequestIdAndTiming)
app.add_middleware(
    CORSMiddleware,
    allow_origins=get_settings().cors_origins,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
    expose_headers=["X-Request-ID", "X-Process-Time"],
)
