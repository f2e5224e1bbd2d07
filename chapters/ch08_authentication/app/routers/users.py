"""``POST /users`` registers a user; ``GET /users/me`` answers who the token belongs to."""

from typing import Any

from fastapi import APIRouter, HTTPException, status
from sqlalchemy.exc import IntegrityError

from ..crud import create_user
from ..database import SessionDep
from ..deps import UNAUTHORIZED, CurrentUser
from ..schemas import UserCreate, UserPublic

router = APIRouter(prefix="/users", tags=["users"])

REGISTER_ERRORS: dict[int | str, dict[str, Any]] = {
    # FastAPI answers 400 by itself for a body it cannot even decode (bytes that are not UTF-8).
    400: {"description": "읽을 수 없는 본문 (UTF-8이 아님)"},
    409: {"description": "이미 사용 중인 아이디"},
}


@router.post(
    "", status_code=status.HTTP_201_CREATED, responses=REGISTER_ERRORS, summary="회원 가입"
)
def register(body: UserCreate, db: SessionDep) -> UserPublic:
    """Every new user gets the role "user"; the password is stored only as its hash."""
    try:
        user = create_user(db, body.username, body.password)
    except IntegrityError:  # the unique constraint on username, checked by the database
        db.rollback()
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT,
            detail=f"이미 사용 중인 아이디입니다 (username '{body.username}' is taken).",
        ) from None
    return UserPublic.model_validate(user)


@router.get("/me", responses=UNAUTHORIZED, summary="내 정보")
def read_me(user: CurrentUser) -> UserPublic:
    return UserPublic.model_validate(user)
