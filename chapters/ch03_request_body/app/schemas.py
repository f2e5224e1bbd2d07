"""Request and response bodies: Pydantic checks these before a route's code runs.

``ItemBase`` holds the fields and what ``Field`` can say about each one alone; ``Item`` (the
body clients send) adds the rules ``Field`` cannot say, as custom validators; ``ItemOut`` is
what the API answers: a stored item with its ``id``.
"""

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator, model_validator

from .examples import ITEM_EXAMPLE


class Image(BaseModel):
    """A picture of an item: a nested model, an item carries a list of these."""

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
    """An item as clients send it: the body of POST and PUT."""

    # Shown on the schema in /docs and /openapi.json.
    model_config = ConfigDict(json_schema_extra={"examples": [ITEM_EXAMPLE]})

    @field_validator("name")
    @classmethod
    def name_is_not_blank(cls, name: str) -> str:
        """``min_length=1`` lets "   " through; strip it and refuse what is left empty."""
        name = name.strip()
        if not name:
            raise ValueError("상품명은 공백만으로 이루어질 수 없습니다")
        return name

    @field_validator("tags")
    @classmethod
    def normalize_tags(cls, tags: list[str]) -> list[str]:
        """Strip, lower-case, drop repeats, keep the order: "Sale " and "SALE" are one tag."""
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
        """A rule across two fields: it can only run once both are valid."""
        if self.discount_price is not None and self.discount_price >= self.price:
            raise ValueError("할인가(discount_price)는 정가(price)보다 낮아야 합니다")
        return self


class ItemOut(ItemBase):
    """A stored item as the API answers it; it was validated as an Item on the way in."""

    id: int
