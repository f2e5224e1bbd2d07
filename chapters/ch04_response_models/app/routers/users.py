"""Sign-up with three models: ``UserIn`` comes in, ``UserInDB`` is stored, ``UserOut`` goes out.

Each route returns the stored ``UserInDB`` (hash included) and declares ``response_model=UserOut``:
FastAPI drops every field ``UserOut`` lacks, so the hash never reaches a client.
"""

from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response, status

from ..errors import UNREADABLE_BODY
from ..schemas import UserIn, UserInDB, UserOut
from ..security import hash_password
from ..store import UserStoreDep, users_lock

router = APIRouter(prefix="/users", tags=["users"])


def user_not_found(username: str) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, detail=f"사용자를 찾을 수 없습니다: {username}")


@router.post(
    "",
    response_model=UserOut,
    status_code=status.HTTP_201_CREATED,
    responses={409: {"description": "이미 있는 사용자 이름"}, **UNREADABLE_BODY},
    summary="회원 가입 (201 + Location)",
)
def create_user(user_in: UserIn, users: UserStoreDep, request: Request, response: Response) -> Any:
    """201 Created, with ``Location`` pointing at the new user; 409 when the name is taken."""
    # Hash outside the lock: Argon2 is slow on purpose, the lock only guards check-and-insert.
    user = UserInDB(
        **user_in.model_dump(exclude={"password"}),
        hashed_password=hash_password(user_in.password),
    )
    with users_lock:
        if user.username in users:
            raise HTTPException(
                status.HTTP_409_CONFLICT,
                detail=f"이미 사용 중인 사용자 이름입니다: {user.username}",
            )
        users[user.username] = user
    response.headers["Location"] = str(request.url_for("read_user", username=user.username))
    return user


@router.get("", response_model=list[UserOut], summary="사용자 목록")
def list_users(users: UserStoreDep) -> Any:
    with users_lock:
        return sorted(users.values(), key=lambda user: user.username)


@router.get(
    "/{username}",
    response_model=UserOut,
    responses={404: {"description": "없는 사용자"}},
    summary="사용자 하나",
)
def read_user(username: str, users: UserStoreDep) -> Any:
    user = users.get(username)
    if user is None:
        raise user_not_found(username)
    return user


@router.delete(
    "/{username}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={404: {"description": "없는 사용자"}},
    summary="탈퇴 (204, 본문 없음)",
)
def delete_user(username: str, users: UserStoreDep) -> None:
    """204 No Content: done, and nothing to say."""
    with users_lock:
        removed = users.pop(username, None)
    if removed is None:
        raise user_not_found(username)
