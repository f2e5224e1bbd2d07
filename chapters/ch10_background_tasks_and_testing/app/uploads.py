"""업로드 파일: 서버가 만든 이름으로 저장하고, 백그라운드 작업이 측정합니다.

클라이언트는 저장 위치를 고르거나 덮어쓸 수 없고, 경로가 든 이름은 거절합니다."""

import hashlib
import logging
import secrets
from pathlib import Path
from typing import BinaryIO

from fastapi import HTTPException, status
from sqlalchemy.orm import Session, sessionmaker

from .background import logged_task
from .models import DONE, FAILED, Upload

logger = logging.getLogger(__name__)

CHUNK_SIZE = 64 * 1024
MAX_FILENAME_LENGTH = 255


def checked_filename(filename: str) -> str:
    """경로가 없는 이름이면 클라이언트의 파일 이름, 아니면 400."""
    if (
        not filename
        or any(sep in filename for sep in ("/", "\\", "\x00"))
        or filename in (".", "..")
        or len(filename) > MAX_FILENAME_LENGTH
    ):
        raise HTTPException(
            status_code=status.HTTP_400_BAD_REQUEST,
            detail="파일 이름은 경로 없이 255자 이하여야 합니다 (no '/', '\\' or '..')",
        )
    return filename


def new_stored_name() -> str:
    return secrets.token_hex(16)


def save_limited(source: BinaryIO, target: Path, limit: int) -> int:
    """``source``를 조각씩 ``target``에 복사합니다. ``limit``바이트를 넘으면 지우고 413."""
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with target.open("xb") as out:  # "x": 있는 파일은 덮어쓰지 않음
        while chunk := source.read(CHUNK_SIZE):
            written += len(chunk)
            if written > limit:
                break
            out.write(chunk)
    if written > limit:
        target.unlink()
        raise HTTPException(
            status_code=status.HTTP_413_CONTENT_TOO_LARGE,
            detail=f"파일이 너무 큽니다: 최대 {limit}바이트 (file too large)",
        )
    return written


def measure(path: Path, is_text: bool) -> tuple[int, str, int | None]:
    """``path`` 파일의 크기, SHA-256, (텍스트면) 줄 수. 조각씩 읽습니다."""
    size, digest, newlines, last = 0, hashlib.sha256(), 0, b""
    with path.open("rb") as file:
        while chunk := file.read(CHUNK_SIZE):
            size += len(chunk)
            digest.update(chunk)
            newlines += chunk.count(b"\n")
            last = chunk[-1:]
    lines = newlines + (1 if last not in (b"", b"\n") else 0)  # "\n" 없는 마지막 줄도 셈
    return size, digest.hexdigest(), lines if is_text else None


@logged_task
def process_upload(upload_id: int, *, sessions: sessionmaker[Session], upload_dir: Path) -> None:
    """백그라운드 작업: 업로드의 크기, 해시, 줄 수를 채우거나 실패로 표시합니다."""
    with sessions() as db:
        upload = db.get_one(Upload, upload_id)
        try:
            size, sha256, lines = measure(
                upload_dir / upload.stored_name, upload.content_type.startswith("text/")
            )
        except OSError:  # pragma: no cover - 응답 뒤에 파일이 사라졌거나 디스크 고장.
            # API로는 그 사이에 일으킬 수 없습니다.
            logger.exception("upload %s: processing failed", upload_id)
            upload.status = FAILED
        else:
            upload.size, upload.sha256, upload.line_count = size, sha256, lines
            upload.status = DONE
        db.commit()
