"""``/admin``: the router's own dependency lets only the "admin" role in (403 for others)."""

from fastapi import APIRouter, Depends
from sqlalchemy import func, select

from ..database import SessionDep
from ..deps import FORBIDDEN, UNAUTHORIZED, require_role
from ..models import User
from ..schemas import UserPublic

# A router-level dependency: every route below is checked, none can forget it.
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
