"""``/items``의 요청·응답 모델과, 모든 에러 본문의 문서화된 모양."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
Price = Annotated[int, Field(ge=0, le=100_000_000, description="가격 (원)")]
Stock = Annotated[int, Field(ge=0, le=1_000_000, description="재고 수량")]
Description = Annotated[str, Field(max_length=300)]


class ItemCreate(BaseModel):
    """``POST /items``와 ``PUT /items/{id}``(전체 수정)의 요청 본문."""

    # 모르는 필드는 버리지 않고 에러로: ``{"id": 7}``이 받아들여진 것처럼 보이면 안 됩니다.
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"name": "아메리카노", "price": 4500, "stock": 10}]},
    )

    name: Name
    price: Price
    description: Description | None = None
    stock: Stock = 0


class ItemUpdate(BaseModel):
    """``PATCH /items/{id}``의 요청 본문: 보낸 필드만 바뀝니다."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"price": 5000}]})

    name: Name | None = None
    price: Price | None = None
    description: Description | None = None  # null이면 지웁니다
    stock: Stock | None = None

    @field_validator("name", "price", "stock")
    @classmethod
    def not_null(cls, value: object) -> object:
        """생략은 "그대로 두기", null은 "지우기"인데 이 필드들은 지울 수 없습니다."""
        if value is None:
            raise ValueError("null로 지울 수 없는 필드입니다 (this field cannot be null)")
        return value


class ItemRead(BaseModel):
    """저장되고 응답으로 나가는 아이템."""

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
    """422를 뺀 모든 에러: ``{"detail": "<사람이 읽는 설명>"}``."""

    detail: str


class FieldError(BaseModel):
    loc: list[str | int] = Field(description='where: ["body", "price"], ["query", "page"]...')
    msg: str
    type: str = Field(description="machine-readable kind, e.g. missing, greater_than_equal")


class ValidationErrorBody(BaseModel):
    """422: ``{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}``, 거부된 입력 없이."""

    detail: list[FieldError]
