"""Pydantic 스키마: API가 받는 것과 답하는 것(비밀번호는 들어오기만 하고 나가지 않음)."""

from pydantic import BaseModel, ConfigDict, Field


class UserCreate(BaseModel):
    username: str = Field(min_length=3, max_length=32, pattern=r"^[A-Za-z0-9_.-]+$")
    # 상한도 둡니다: 메가바이트 길이의 "비밀번호"를 해시하게 하면 CPU를 쉽게 괴롭힙니다.
    password: str = Field(min_length=8, max_length=128)

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"username": "alice", "password": "correct-horse-42"}]}
    )


class UserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    role: str


class Token(BaseModel):
    """OAuth2 토큰 응답입니다. 필드 이름은 명세(와 /docs)가 기대하는 그대로입니다."""

    access_token: str
    token_type: str = "bearer"  # noqa: S105 (비밀번호가 아니라 방식의 이름)
