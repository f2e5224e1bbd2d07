"""``POST /upload``, ``POST /uploads`` and ``GET /files/{file_id}``: files in, files out."""

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Path, UploadFile, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse

from ..config import SettingsDep
from ..filetypes import EXTENSIONS
from ..schemas import StoredFileOut, UploadBatchOut, UploadOut
from ..storage import (
    FILE_ID_PATTERN,
    StoredFile,
    delete_stored,
    media_type_of,
    save_upload,
    stored_path,
)

router = APIRouter(tags=["files"])

# Answers besides 201/422, in /docs and /openapi.json.
UPLOAD_ERRORS: dict[int | str, dict[str, Any]] = {
    # Starlette cannot parse the multipart body: FastAPI answers 400 by itself.
    400: {"description": "읽을 수 없는 multipart 본문"},
    413: {"description": "파일 또는 요청 본문이 너무 큼"},
    415: {"description": "허용되지 않는 형식, 또는 형식과 다른 내용"},
}
DOWNLOAD_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "파일의 바이트 (Content-Disposition: attachment)",
        "content": {media_type: {} for media_type in EXTENSIONS},
    },
    404: {"description": "없는 파일"},
}


def to_out(stored: StoredFile) -> StoredFileOut:
    return StoredFileOut(
        id=stored.id,
        original_name=stored.original_name,
        content_type=stored.content_type,
        size=stored.size,
        download_url=router.url_path_for("download_file", file_id=stored.id),
    )


# Plain "def": the copy reads and writes files, so FastAPI runs it in its thread pool.
@router.post(
    "/upload",
    status_code=status.HTTP_201_CREATED,
    responses=UPLOAD_ERRORS,
    summary="파일 하나 업로드",
)
def upload_file(
    file: Annotated[UploadFile, File(description="png, jpg, pdf 또는 UTF-8 텍스트")],
    settings: SettingsDep,
    description: Annotated[str | None, Form(max_length=200)] = None,
) -> UploadOut:
    """A file and a form field in one multipart request (a JSON body cannot carry a file)."""
    stored = save_upload(file, settings)
    return UploadOut(**to_out(stored).model_dump(), description=description)


@router.post(
    "/uploads",
    status_code=status.HTTP_201_CREATED,
    responses=UPLOAD_ERRORS,
    summary="여러 파일 업로드",
)
def upload_files(
    files: Annotated[list[UploadFile], File(description="같은 필드 이름 files로 여러 개")],
    settings: SettingsDep,
) -> UploadBatchOut:
    """All or nothing: if one file is refused, the ones already stored are removed again."""
    stored: list[StoredFile] = []
    try:
        for index, upload in enumerate(files):
            stored.append(save_upload(upload, settings, loc=("body", "files", index)))
    except (HTTPException, RequestValidationError):
        delete_stored(stored, settings)
        raise
    return UploadBatchOut(files=[to_out(s) for s in stored], total_size=sum(s.size for s in stored))


@router.get(
    "/files/{file_id}",
    response_class=FileResponse,
    responses=DOWNLOAD_ANSWERS,
    summary="파일 다운로드",
)
def download_file(
    file_id: Annotated[str, Path(pattern=FILE_ID_PATTERN, description="업로드가 돌려준 id")],
    settings: SettingsDep,
) -> FileResponse:
    """Only ids of the form we make pass validation (422 otherwise): no ``..``, no ``/``."""
    path = stored_path(file_id, settings)
    if path is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"파일이 없습니다: {file_id}")
    return FileResponse(
        path,
        media_type=media_type_of(file_id),
        filename=file_id,  # Content-Disposition: attachment, not shown inline
        headers={"X-Content-Type-Options": "nosniff"},
    )
