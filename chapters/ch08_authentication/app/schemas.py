"""Pydantic schemas: what the API accepts and answers (a password goes in, never out)."""

from pydantic import BaseModel, ConfigDict, Field


class UserCreate(BaseModel):
    username: str = Field(min_length=3, max_length=32, pattern=r"^[A-Za-z0-9_.-]+$")
    # An upper bound too: hashing a megabyte-long "password" would be a cheap way to load the CPU.
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
    """The OAuth2 token response: the field names are the ones the spec (and /docs) expect."""

    access_token: str
    token_type: str = "bearer"  # noqa: S105 (the scheme's name, not a password)
