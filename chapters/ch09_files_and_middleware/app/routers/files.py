"""``POST /upload``, ``POST /uploads``, ``GET /files/{file_id}``: 파일을 받고 내려줍니다."""

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

# 201/422 말고 /docs와 /openapi.json에 적는 응답.
UPLOAD_ERRORS: dict[int | str, dict[str, Any]] = {
    # Starlette가 multipart 본문을 파싱하지 못하면 FastAPI가 스스로 400으로 답합니다.
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


# 평범한 "def": 복사가 파일을 읽고 쓰므로 FastAPI가 스레드 풀에서 실행합니다.
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
    """multipart 요청 하나에 파일과 폼 필드를 함께 받습니다(JSON 본문에는 파일을 못 담음)."""
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
    """전부 아니면 전무: 파일 하나가 거절되면 이미 저장한 파일도 다시 지웁니다."""
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
    """서버가 만드는 모양의 id만 검증을 통과합니다(아니면 422): ``..``도 ``/``도 없음."""
    path = stored_path(file_id, settings)
    if path is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"파일이 없습니다: {file_id}")
    return FileResponse(
        path,
        media_type=media_type_of(file_id),
        filename=file_id,  # Content-Disposition: attachment, 화면에 띄우지 않음
        headers={"X-Content-Type-Options": "nosniff"},
    )
