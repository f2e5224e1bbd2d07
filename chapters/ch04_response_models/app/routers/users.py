"""모델 세 개로 하는 가입: ``UserIn``이 들어오고, ``UserInDB``를 저장하고, ``UserOut``이 나갑니다.

``response_model=UserOut``이 ``UserOut``에 없는 필드를 버리므로 해시는 나가지 않습니다.
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
    """새 사용자를 가리키는 ``Location``과 함께 201 Created; 이미 있는 이름이면 409."""
    # Argon2는 일부러 느리므로 해시는 락 밖에서, 락은 확인과 저장만 지킵니다.
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
    """204 No Content: 처리했고, 돌려줄 내용은 없습니다."""
    with users_lock:
        removed = users.pop(username, None)
    if removed is None:
        raise user_not_found(username)
