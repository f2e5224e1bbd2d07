"""요청과 응답 본문: API가 받는 것과 답하는 것."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Price = Field(ge=0, le=1_000_000_000, description="가격 (원), 0 이상")
Name = Field(min_length=1, max_length=100, description="이름")


class ItemCreate(BaseModel):
    """``POST /items``와 ``PUT /items/{id}``: 모든 필드가 필수입니다."""

    name: str = Name
    price: int = Price


class ItemUpdate(BaseModel):
    """``PATCH /items/{id}``: 보낸 필드만 바뀝니다. ``null``은 값이 아닙니다."""

    name: str | None = Field(default=None, min_length=1, max_length=100)
    price: int | None = Field(default=None, ge=0, le=1_000_000_000)

    @field_validator("name", "price")
    @classmethod
    def not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("null은 허용되지 않습니다 (omit the field to keep it)")
        return value


class ItemRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    price: int


class UserCreate(BaseModel):
    username: str = Field(min_length=3, max_length=50, pattern=r"^[A-Za-z0-9_.-]+$")
    password: str = Field(min_length=8, max_length=128)


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str


class Token(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 (비밀이 아니라 토큰 종류)


class Message(BaseModel):
    message: str


class NotificationAccepted(BaseModel):
    message: str
    id: int


class NotificationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    status: Literal["pending", "sent", "failed"]
    attempts: int
    error: str | None


class UploadRead(BaseModel):
    """업로드. ``size``, ``sha256``, ``line_count``는 처리가 끝날 때까지 null입니다."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    filename: str
    content_type: str
    status: Literal["processing", "done", "failed"]
    size: int | None
    sha256: str | None
    line_count: int | None


class ErrorMessage(BaseModel):
    """422를 뺀 모든 에러: ``{"detail": "<사람이 읽을 설명>"}``."""

    detail: str
