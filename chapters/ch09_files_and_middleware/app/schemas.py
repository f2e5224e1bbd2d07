"""파일과 폼 엔드포인트가 돌려주는 모델."""

from pydantic import BaseModel, ConfigDict, EmailStr, Field


class StoredFileOut(BaseModel):
    id: str = Field(description="저장된 이름: uuid4 hex + 확장자 (다운로드 경로에 쓰임)")
    original_name: str = Field(description="클라이언트가 보낸 이름의 마지막 부분 (표시용)")
    content_type: str
    size: int
    download_url: str


class UploadOut(StoredFileOut):
    description: str | None = None


class UploadBatchOut(BaseModel):
    files: list[StoredFileOut]
    total_size: int


class ContactOut(BaseModel):
    name: str
    email: EmailStr
    message: str
    subscribe: bool


class ProfileForm(BaseModel):
    """모델 하나로 설명하는 폼(``Annotated[ProfileForm, Form()]``)."""

    model_config = ConfigDict(extra="forbid")  # 모르는 폼 필드는 422

    username: str = Field(min_length=3, max_length=20, pattern=r"^[a-z0-9_]+$")
    age: int = Field(ge=0, le=150)
    bio: str = Field(default="", max_length=200)
