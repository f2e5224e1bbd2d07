"""챕터의 Pydantic 모델: 들어오는 것, 나가는 것, 저장하는 것.

핵심은 사용자 모델 세 개(``UserIn``, ``UserOut``, ``UserInDB``)이며 모두 ``UserBase``를 상속합니다.
"""

from typing import Annotated, Literal

from pydantic import BaseModel, EmailStr, Field


class Item(BaseModel):
    """클라이언트가 보는 카탈로그 항목(저장된 항목에는 더 있습니다: ``catalog.py``)."""

    name: str
    description: str | None = None
    price: int = Field(description="가격 (원)")
    tax: int | None = None
    tags: list[str] = []


class Car(BaseModel):
    type: Literal["car"]
    description: str


class Plane(BaseModel):
    type: Literal["plane"]
    description: str
    size: int = Field(description="좌석 수 (seats)")


# ``type``으로 둘을 구별합니다: 스키마(구별자가 있는 oneOf)에서도, 검증할 때도.
Vehicle = Annotated[Car | Plane, Field(discriminator="type")]

Username = Annotated[
    str,
    Field(
        min_length=3,
        max_length=20,
        pattern=r"^[a-z0-9_]+$",
        description="영문 소문자, 숫자, 밑줄 3~20자 (it goes into URLs)",
    ),
]


class UserBase(BaseModel):
    username: Username
    email: EmailStr
    full_name: str | None = Field(default=None, max_length=50)


class UserIn(UserBase):
    """``POST /users``가 받는 것: 평문 비밀번호가 있는 유일한 모델."""

    password: str = Field(min_length=8, max_length=128)


class UserOut(UserBase):
    """모든 ``/users`` 응답의 내용: 비밀번호도 해시도 없습니다."""


class UserInDB(UserBase):
    """저장소가 보관하는 것: 비밀번호 대신 해시."""

    hashed_password: str


Theme = Literal["light", "dark"]


class ThemeChoice(BaseModel):
    theme: Theme
