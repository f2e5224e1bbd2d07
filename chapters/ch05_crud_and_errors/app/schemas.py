"""Request and response models of ``/items``, and the documented shape of every error body."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
Price = Annotated[int, Field(ge=0, le=100_000_000, description="가격 (원)")]
Stock = Annotated[int, Field(ge=0, le=1_000_000, description="재고 수량")]
Description = Annotated[str, Field(max_length=300)]


class ItemCreate(BaseModel):
    """The body of ``POST /items`` and of ``PUT /items/{id}`` (a full replacement)."""

    # Unknown fields are an error, not silently dropped: ``{"id": 7}`` must not look accepted.
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"name": "아메리카노", "price": 4500, "stock": 10}]},
    )

    name: Name
    price: Price
    description: Description | None = None
    stock: Stock = 0


class ItemPatch(BaseModel):
    """The body of ``PATCH /items/{id}``: only the fields sent change."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"price": 5000}]})

    name: Name | None = None
    price: Price | None = None
    description: Description | None = None  # null clears it
    stock: Stock | None = None

    @field_validator("name", "price", "stock")
    @classmethod
    def not_null(cls, value: object) -> object:
        """Left out means "keep"; sent as null means "erase", which these fields cannot be."""
        if value is None:
            raise ValueError("null로 지울 수 없는 필드입니다 (this field cannot be null)")
        return value


class Item(BaseModel):
    """An item as stored and answered."""

    model_config = ConfigDict(frozen=True)

    id: int
    name: str
    price: int
    description: str | None
    stock: int


class Purchase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quantity: int = Field(ge=1, le=1000)


class ErrorMessage(BaseModel):
    """Every error but 422: ``{"detail": "<what went wrong, for a person>"}``."""

    detail: str


class FieldError(BaseModel):
    loc: list[str | int] = Field(description='where: ["body", "price"], ["query", "page"]...')
    msg: str
    type: str = Field(description="machine-readable kind, e.g. missing, greater_than_equal")


class ValidationErrorBody(BaseModel):
    """422: ``{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}``, no rejected input."""

    detail: list[FieldError]
