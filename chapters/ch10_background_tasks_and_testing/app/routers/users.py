"""사용자, 로그인, 보호된 경로: 본문의 헤더와 폼 데이터 예제가 부르는 것."""

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..audit import AuditDep
from ..config import SettingsDep
from ..database import SessionDep
from ..errors import CONFLICT, NAME_TAKEN, UNAUTHORIZED, UNREADABLE_BODY
from ..models import User
from ..schemas import Message, Token, UserCreate, UserRead
from ..security import (
    CurrentUserDep,
    authenticate,
    create_access_token,
    hash_password,
    unauthorized,
)

router = APIRouter(tags=["users"])


@router.post(
    "/users",
    status_code=status.HTTP_201_CREATED,
    responses=CONFLICT | UNREADABLE_BODY,
    summary="회원 가입",
)
def create_user(body: UserCreate, db: SessionDep, audit: AuditDep) -> UserRead:
    if db.scalars(select(User).where(User.username == body.username)).first() is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=NAME_TAKEN)
    user = User(username=body.username, hashed_password=hash_password(body.password))
    db.add(user)
    try:
        db.commit()  # 같은 이름의 동시 요청: 유니크 제약이 결정
    except IntegrityError:
        db.rollback()
        raise HTTPException(status.HTTP_409_CONFLICT, detail=NAME_TAKEN) from None
    audit.record("user.created", user_id=user.id, username=user.username)
    return UserRead.model_validate(user)


@router.post("/login", responses=UNAUTHORIZED | UNREADABLE_BODY, summary="로그인 (폼 데이터)")
def login(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], db: SessionDep, settings: SettingsDep
) -> Token:
    user = authenticate(db, form.username, form.password)
    if user is None:
        raise unauthorized("사용자 이름 또는 비밀번호가 올바르지 않습니다")
    return Token(access_token=create_access_token(user.username, settings))


@router.get("/protected", responses=UNAUTHORIZED, summary="토큰이 있어야 하는 경로")
def protected(user: CurrentUserDep) -> Message:
    return Message(message=f"{user.username}님, 인증되었습니다")
