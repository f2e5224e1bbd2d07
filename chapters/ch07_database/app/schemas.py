"""Pydantic 스키마: API가 받고 돌려주는 모양으로, ORM 모델과 따로 둡니다.

``ItemRead``는 ORM 객체를 바로 읽고(``from_attributes``), ``ItemCreate``는 ``id``를 거절합니다.
"""

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

Name = Annotated[str, Field(min_length=1, max_length=100, examples=["연필"])]
Price = Annotated[int, Field(ge=0, le=100_000_000, examples=[500], description="원 단위 가격")]


class ItemCreate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: Name
    price: Price


class ItemUpdate(BaseModel):
    """PATCH 본문: 모든 필드가 선택이지만, 보낸 필드는 null일 수 없습니다."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: Name | None = None
    price: Price | None = None

    @field_validator("name", "price", mode="before")
    @classmethod
    def not_null(cls, value: Any) -> Any:
        """타입 검사 전에 실행되므로, 어떤 JSON 값이든 여기로 올 수 있습니다."""
        if value is None:
            raise ValueError("null은 허용되지 않습니다; 바꾸지 않을 필드는 빼세요 (omit it)")
        return value


class ItemRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    price: int


class ItemPage(BaseModel):
    items: list[ItemRead]
    total: int
    page: int
    size: int
