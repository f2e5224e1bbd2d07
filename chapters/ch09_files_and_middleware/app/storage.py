"""디스크의 업로드 파일: 한도 안에서 조각으로 복사하고, 서버가 만든 이름으로 저장합니다.

이름은 uuid4 + 확인된 형식의 확장자이고, 클라이언트가 보낸 것은 경로에 들어가지 않습니다.
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
    """폴더 부분을 뺀 클라이언트의 파일 이름. 표시용일 뿐 경로에는 쓰지 않습니다."""
    return PureWindowsPath(filename or "").name or "unnamed"  # "/"와 "\\"를 둘 다 나눔


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
    """``upload``을 ``settings.upload_dir``에 복사합니다. 거절하면 아무것도 남기지 않습니다.

    한도를 넘으면 413, 형식이 틀리면 415, 빈 파일은 ``loc``의 422입니다.
    숨김 ``.part`` 파일에 쓰고 다 쓴 뒤에 이름을 바꾸므로 반쯤 쓴 파일은 내려받을 수 없습니다.
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
    """``/openapi.json``이 모든 422에 문서화한 FastAPI 자신의 모양으로 된 422입니다."""
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
    """``FILE_ID_PATTERN``을 이미 통과한 id의 저장된 파일(없으면 ``None``).

    그 id에는 "/"도 ".."도 없으므로 upload_dir 바로 안의 파일만 가리킵니다.
    """
    path = settings.upload_dir / file_id
    return path if path.is_file() else None


def media_type_of(file_id: str) -> str:
    """모르는 확장자는 ``application/octet-stream`` (여전히 ``attachment``, ``nosniff``)."""
    return MEDIA_TYPES.get(Path(file_id).suffix, "application/octet-stream")
