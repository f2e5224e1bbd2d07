"""요청 단위 의존성 캐싱을 눈으로 보기: 실행될 때마다 새 무작위 값을 돌려주는 의존성.

한 요청 안에서는 한 번만 실행되어 모두가 같은 값을 받고, ``use_cache=False``면 다시 실행됩니다.
"""

import uuid
from typing import Annotated

from fastapi import Depends


def make_nonce() -> str:
    """실제로 실행될 때마다 새 무작위 값."""
    return uuid.uuid4().hex


NonceDep = Annotated[str, Depends(make_nonce)]
FreshNonceDep = Annotated[str, Depends(make_nonce, use_cache=False)]


def signed_nonce(nonce: NonceDep) -> str:
    """``make_nonce``의 하위 의존성: 새 값이 아니라 이 요청에 캐시된 값을 받습니다."""
    return f"signed:{nonce}"


SignedNonceDep = Annotated[str, Depends(signed_nonce)]
