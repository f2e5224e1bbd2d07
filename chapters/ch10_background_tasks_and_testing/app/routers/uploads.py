"""``POST /upload``는 파일을 저장하고 바로 답합니다. 측정은 백그라운드 작업이 합니다."""

from typing import Annotated

from fastapi import (
    APIRouter,
    BackgroundTasks,
    HTTPException,
    Path,
    Request,
    Response,
    UploadFile,
    status,
)

from ..audit import AuditDep
from ..config import SettingsDep
from ..database import SessionDep, SessionFactoryDep
from ..errors import BAD_UPLOAD, MAX_ID, NOT_FOUND
from ..models import Upload
from ..schemas import UploadRead
from ..uploads import checked_filename, new_stored_name, process_upload, save_limited

UploadId = Annotated[int, Path(ge=1, le=MAX_ID, description="업로드 id")]

router = APIRouter(tags=["uploads"])


@router.post(
    "/upload", status_code=status.HTTP_201_CREATED, responses=BAD_UPLOAD, summary="파일 업로드"
)
def upload_file(
    file: UploadFile,
    background_tasks: BackgroundTasks,
    request: Request,
    response: Response,
    db: SessionDep,
    sessions: SessionFactoryDep,
    settings: SettingsDep,
    audit: AuditDep,
) -> UploadRead:
    filename = checked_filename(file.filename or "")
    stored_name = new_stored_name()
    save_limited(file.file, settings.upload_dir / stored_name, settings.max_upload_bytes)
    upload = Upload(
        filename=filename,
        stored_name=stored_name,
        content_type=file.content_type or "application/octet-stream",
    )
    db.add(upload)
    db.commit()
    background_tasks.add_task(
        process_upload, upload.id, sessions=sessions, upload_dir=settings.upload_dir
    )
    audit.record("upload.created", upload_id=upload.id, filename=filename)
    response.headers["Location"] = request.app.url_path_for("read_upload", upload_id=upload.id)
    return UploadRead.model_validate(upload)


@router.get("/uploads/{upload_id}", responses=NOT_FOUND, summary="업로드 처리 결과")
def read_upload(upload_id: UploadId, db: SessionDep) -> UploadRead:
    upload = db.get(Upload, upload_id)
    if upload is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"업로드 {upload_id}이(가) 없습니다")
    return UploadRead.model_validate(upload)
