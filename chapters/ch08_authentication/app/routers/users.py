"""``POST /users``는 회원 가입, ``GET /users/me``는 토큰의 주인이 누구인지 답합니다."""

from typing import Any

from fastapi import APIRouter, HTTPException, status
from sqlalchemy.exc import IntegrityError

from ..crud import create_user
from ..database import SessionDep
from ..deps import UNAUTHORIZED, CurrentUser
from ..schemas import UserCreate, UserPublic

router = APIRouter(prefix="/users", tags=["users"])

REGISTER_ERRORS: dict[int | str, dict[str, Any]] = {
    # 디코딩조차 못 하는 본문(UTF-8이 아닌 바이트)에는 FastAPI가 스스로 400으로 답합니다.
    400: {"description": "읽을 수 없는 본문 (UTF-8이 아님)"},
    409: {"description": "이미 사용 중인 아이디"},
}


@router.post(
    "", status_code=status.HTTP_201_CREATED, responses=REGISTER_ERRORS, summary="회원 가입"
)
def register(body: UserCreate, db: SessionDep) -> UserPublic:
    """새 사용자는 모두 "user" 역할을 받고, 비밀번호는 해시로만 저장됩니다."""
    try:
        user = create_user(db, body.username, body.password)
    except IntegrityError:  # 데이터베이스가 확인하는 username의 unique 제약
        db.rollback()
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT,
            detail=f"이미 사용 중인 아이디입니다 (username '{body.username}' is taken).",
        ) from None
    return UserPublic.model_validate(user)


@router.get("/me", responses=UNAUTHORIZED, summary="내 정보")
def read_me(user: CurrentUser) -> UserPublic:
    return UserPublic.model_validate(user)
