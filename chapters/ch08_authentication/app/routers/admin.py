"""``/admin``: 라우터 의존성이 "admin" 역할만 들여보냅니다(나머지는 403)."""

from fastapi import APIRouter, Depends
from sqlalchemy import func, select

from ..database import SessionDep
from ..deps import FORBIDDEN, UNAUTHORIZED, require_role
from ..models import User
from ..schemas import UserPublic

# 라우터 의존성: 아래의 모든 라우트가 확인을 거치고, 빠뜨리는 라우트가 없습니다.
router = APIRouter(
    prefix="/admin",
    tags=["admin"],
    dependencies=[Depends(require_role("admin"))],
    responses=UNAUTHORIZED | FORBIDDEN,
)


@router.get("", summary="관리자 페이지")
def admin_home(db: SessionDep) -> dict[str, str | int]:
    user_count = db.scalar(select(func.count()).select_from(User))
    return {"message": "관리자 전용 페이지입니다.", "user_count": user_count or 0}


@router.get("/users", summary="전체 사용자 목록")
def list_users(db: SessionDep) -> list[UserPublic]:
    users = db.scalars(select(User).order_by(User.id))
    return [UserPublic.model_validate(user) for user in users]
