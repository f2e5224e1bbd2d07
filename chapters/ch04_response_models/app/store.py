"""Where registered users live: a dict per app run, behind a dependency (a database is chapter 7).

The app's lifespan puts a fresh dict on ``app.state``; ``get_user_store`` hands it to the routes.
Tests replace it through ``app.dependency_overrides[get_user_store]`` to look inside.
"""

import threading
from typing import Annotated

from fastapi import Depends, Request

from .schemas import UserInDB

UserStore = dict[str, UserInDB]  # username -> stored user

# Sync routes run in a thread pool: "is the name free? then insert" must not interleave.
users_lock = threading.Lock()


def get_user_store(request: Request) -> UserStore:
    users: UserStore = request.app.state.users
    return users


UserStoreDep = Annotated[UserStore, Depends(get_user_store)]
