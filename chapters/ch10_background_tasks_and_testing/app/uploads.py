"""Uploaded files: stored under a generated name, then measured by a background task.

The name on disk is ours (a random hex string), never the client's: a client cannot choose
where its file lands or overwrite another. A client name with a path in it (``../x``) is
refused outright, so nothing misleading is stored either.
"""

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
    """The client's file name, if it is a plain name; otherwise a 400."""
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
    """Copy ``source`` to ``target`` in chunks; past ``limit`` bytes remove it and answer 413."""
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with target.open("xb") as out:  # "x": never overwrite an existing file
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
    """Size, SHA-256 and (for text) line count of the file at ``path``, read in chunks."""
    size, digest, newlines, last = 0, hashlib.sha256(), 0, b""
    with path.open("rb") as file:
        while chunk := file.read(CHUNK_SIZE):
            size += len(chunk)
            digest.update(chunk)
            newlines += chunk.count(b"\n")
            last = chunk[-1:]
    lines = newlines + (1 if last not in (b"", b"\n") else 0)  # a last line without "\n" counts
    return size, digest.hexdigest(), lines if is_text else None


@logged_task
def process_upload(upload_id: int, *, sessions: sessionmaker[Session], upload_dir: Path) -> None:
    """Background task: fill in an upload's size, hash and line count, or mark it failed."""
    with sessions() as db:
        upload = db.get_one(Upload, upload_id)
        try:
            size, sha256, lines = measure(
                upload_dir / upload.stored_name, upload.content_type.startswith("text/")
            )
        except OSError:  # pragma: no cover - the file vanished or the disk failed since the
            # response; not something a test can cause through the API in between.
            logger.exception("upload %s: processing failed", upload_id)
            upload.status = FAILED
        else:
            upload.size, upload.sha256, upload.line_count = size, sha256, lines
            upload.status = DONE
        db.commit()
