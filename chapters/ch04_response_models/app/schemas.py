"""The chapter's Pydantic models: what comes in, what goes out, and what is stored.

The users' three models are the point of the chapter: ``UserIn`` carries the password in,
``UserOut`` is all a client ever sees, ``UserInDB`` keeps only the password's hash. They share
``UserBase`` so a field added there shows up in all three.
"""

from typing import Annotated, Literal

from pydantic import BaseModel, EmailStr, Field


class Item(BaseModel):
    """A catalog entry as clients see it (the stored entry has more: see ``catalog.py``)."""

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


# ``type`` tells the two apart, in the schema (a discriminated oneOf) and when validating.
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
    """What ``POST /users`` accepts: the only model with the plain password."""

    password: str = Field(min_length=8, max_length=128)


class UserOut(UserBase):
    """What every ``/users`` answer contains: no password, no hash."""


class UserInDB(UserBase):
    """What the store keeps: the hash instead of the password."""

    hashed_password: str


Theme = Literal["light", "dark"]


class ThemeChoice(BaseModel):
    theme: Theme
