"""가입한 사용자를 두는 곳: 실행마다 딕셔너리 하나, 의존성 뒤에 둡니다(데이터베이스는 챕터 7).

테스트는 ``app.dependency_overrides[get_user_store]``로 바꿔 끼워 안을 들여다봅니다.
"""

import threading
from typing import Annotated

from fastapi import Depends, Request

from .schemas import UserInDB

UserStore = dict[str, UserInDB]  # 사용자 이름 -> 저장된 사용자

# 동기 라우트는 스레드 풀에서 실행되므로 "이름 확인 후 저장"이 섞이면 안 됩니다.
users_lock = threading.Lock()


def get_user_store(request: Request) -> UserStore:
    users: UserStore = request.app.state.users
    return users


UserStoreDep = Annotated[UserStore, Depends(get_user_store)]
