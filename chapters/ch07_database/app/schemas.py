"""Pydantic schemas: what the API accepts and returns, apart from the ORM models.

``ItemRead`` reads ORM objects directly (``from_attributes``); ``ItemCreate`` refuses an ``id``
or other unknown fields, so a client cannot choose the primary key.
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
    """PATCH body: every field optional, but a given field cannot be null."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    name: Name | None = None
    price: Price | None = None

    @field_validator("name", "price", mode="before")
    @classmethod
    def not_null(cls, value: Any) -> Any:
        """Runs before type checks: any JSON value can arrive here."""
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
