"""요청 본문과 응답 본문: 라우트의 코드보다 먼저 Pydantic이 검사합니다.

``ItemBase``는 필드와 제약, ``Item``은 커스텀 검증기, ``ItemOut``은 ``id``가 붙은 응답입니다.
"""

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from .examples import ITEM_EXAMPLE


class Image(BaseModel):
    """아이템의 사진: 중첩 모델이며, 아이템은 이것의 리스트를 가집니다."""

    url: HttpUrl
    name: str = Field(min_length=1, max_length=100)


class ItemBase(BaseModel):
    name: str = Field(min_length=1, max_length=50, description="상품명")
    price: float = Field(gt=0, le=1_000_000, description="정가 (원)")
    discount_price: float | None = Field(default=None, gt=0, description="할인가 (정가보다 낮게)")
    description: str | None = Field(default=None, max_length=300)
    tags: list[str] = Field(default_factory=list, max_length=10)
    images: list[Image] = Field(default_factory=list, max_length=5)


class Item(ItemBase):
    """클라이언트가 보내는 아이템: POST와 PUT의 본문."""

    # /docs와 /openapi.json의 스키마에 보입니다.
    model_config = ConfigDict(json_schema_extra={"examples": [ITEM_EXAMPLE]})

    @field_validator("name")
    @classmethod
    def name_is_not_blank(cls, name: str) -> str:
        """``min_length=1``은 "   "를 통과시키므로, 공백을 빼고 비면 거부합니다."""
        name = name.strip()
        if not name:
            raise ValueError("상품명은 공백만으로 이루어질 수 없습니다")
        return name

    @field_validator("tags")
    @classmethod
    def normalize_tags(cls, tags: list[str]) -> list[str]:
        """공백 제거, 소문자, 중복 제거, 순서 유지: "Sale "와 "SALE"은 같은 태그입니다."""
        normalized: list[str] = []
        for raw in tags:
            tag = raw.strip().lower()
            if not tag:
                raise ValueError("빈 태그는 쓸 수 없습니다")
            if tag not in normalized:
                normalized.append(tag)
        return normalized

    @model_validator(mode="after")
    def discount_is_below_price(self) -> "Item":
        """두 필드에 걸친 규칙: 두 필드가 모두 올바를 때에만 실행할 수 있습니다."""
        if self.discount_price is not None and self.discount_price >= self.price:
            raise ValueError("할인가(discount_price)는 정가(price)보다 낮아야 합니다")
        return self


class ItemOut(ItemBase):
    """API가 돌려주는 저장된 아이템: 들어올 때 이미 ``Item``으로 검증되었습니다."""

    id: int
