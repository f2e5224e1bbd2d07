"""``GET /protected``: 로그인한 사용자는 누구나 들어가고, 나머지는 401을 받습니다."""

from fastapi import APIRouter

from ..deps import UNAUTHORIZED, CurrentUser

router = APIRouter(tags=["protected"], responses=UNAUTHORIZED)


@router.get("/protected", summary="로그인한 사용자 전용")
def protected(user: CurrentUser) -> dict[str, str]:
    return {"message": f"{user.username}님, 보호된 페이지입니다.", "username": user.username}
