"""Uploaded files on disk: copied in chunks under a limit, stored under names we make up.

By the time an endpoint runs, Starlette's multipart parser has already read the request and
spooled each file to a ``SpooledTemporaryFile`` (memory up to 1 MB, then a temporary file on
disk). The checks here guard ``UPLOAD_DIR``; the ``BodySizeLimitMiddleware`` guards the spool,
by refusing an oversized body before it is parsed.

A stored name is ``<32 hex digits><extension>``: a fresh uuid4 and the extension of the
*checked* content type. Nothing the client sent (``../../etc/passwd``, ``/abs/name``,
``C:\\evil.exe``) ever becomes part of a path.
"""

import os
import uuid
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

from fastapi import HTTPException, UploadFile, status
from fastapi.exceptions import RequestValidationError

from .config import Settings
from .filetypes import EXTENSIONS, MEDIA_TYPES, ContentCheck, base_type

CHUNK_SIZE = 64 * 1024
FILE_ID_PATTERN = r"^[0-9a-f]{32}\.[a-z]{3}$"


@dataclass
class StoredFile:
    id: str
    original_name: str
    content_type: str
    size: int


def display_name(filename: str | None) -> str:
    """The client's file name without any folder part, for showing only (never for a path)."""
    return PureWindowsPath(filename or "").name or "unnamed"  # splits on "/" and "\\" both


def check_type(upload: UploadFile, settings: Settings) -> str:
    media_type = base_type(upload.content_type)
    if media_type not in settings.allowed_content_types:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            f"허용되지 않는 파일 형식입니다: {media_type or '(none)'} "
            f"(allowed: {', '.join(settings.allowed_content_types)}).",
        )
    return media_type


def save_upload(
    upload: UploadFile, settings: Settings, loc: tuple[str | int, ...] = ("body", "file")
) -> StoredFile:
    """Copy ``upload`` into ``settings.upload_dir``; on any refusal, nothing stays behind.

    413 past ``max_upload_bytes``, 415 for a type not allowed or bytes that do not match it,
    422 for an empty file (at ``loc``, the form field it came in). The copy is written to a
    hidden ``.part`` file first and renamed only when complete, so a half-written file is
    never downloadable.
    """
    media_type = check_type(upload, settings)
    settings.upload_dir.mkdir(parents=True, exist_ok=True)
    file_id = uuid.uuid4().hex + EXTENSIONS[media_type]
    partial = settings.upload_dir / f".{file_id}.part"
    content = ContentCheck(media_type)
    size = 0
    try:
        with partial.open("xb") as out:
            while chunk := upload.file.read(CHUNK_SIZE):
                size += len(chunk)
                if size > settings.max_upload_bytes:
                    raise HTTPException(
                        status.HTTP_413_CONTENT_TOO_LARGE,
                        f"파일이 너무 큽니다: 최대 {settings.max_upload_bytes} bytes "
                        f"({display_name(upload.filename)}).",
                    )
                if not content.feed(chunk):
                    raise type_mismatch(upload, media_type)
                out.write(chunk)
        if size == 0:
            raise empty_file(upload, loc)
        if not content.feed(b"", final=True):
            raise type_mismatch(upload, media_type)
        os.replace(partial, settings.upload_dir / file_id)
    finally:
        partial.unlink(missing_ok=True)
    return StoredFile(file_id, display_name(upload.filename), media_type, size)


def empty_file(upload: UploadFile, loc: tuple[str | int, ...]) -> RequestValidationError:
    """A 422 in FastAPI's own shape, the one ``/openapi.json`` documents for every 422:
    ``{"detail": [{"type", "loc", "msg", "input"}]}``, like any other bad value sent."""
    message = f"빈 파일입니다 ({display_name(upload.filename)})."
    return RequestValidationError(
        [{"type": "empty_file", "loc": loc, "msg": message, "input": None}]
    )


def type_mismatch(upload: UploadFile, media_type: str) -> HTTPException:
    return HTTPException(
        status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
        f"파일 내용이 {media_type} 형식이 아닙니다 ({display_name(upload.filename)}).",
    )


def delete_stored(files: list[StoredFile], settings: Settings) -> None:
    for stored in files:
        (settings.upload_dir / stored.id).unlink(missing_ok=True)


def stored_path(file_id: str, settings: Settings) -> Path | None:
    """The stored file for an id the route has already matched against ``FILE_ID_PATTERN``
    (hex digits and one extension: no "/", no "..", so it names a file right in upload_dir)."""
    path = settings.upload_dir / file_id
    return path if path.is_file() else None


def media_type_of(file_id: str) -> str:
    """모르는 확장자는 ``application/octet-stream`` (여전히 ``attachment``, ``nosniff``)."""
    return MEDIA_TYPES.get(Path(file_id).suffix, "application/octet-stream")
