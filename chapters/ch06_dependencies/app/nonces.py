"""Per-request dependency caching, made visible: a dependency that returns a new random value.

Within one request FastAPI runs a dependency once and hands the same value to everyone who
asks for it, directly or through a sub-dependency; ``use_cache=False`` asks for a fresh run.
"""

import uuid
from typing import Annotated

from fastapi import Depends


def make_nonce() -> str:
    """A new random value each time it actually runs."""
    return uuid.uuid4().hex


NonceDep = Annotated[str, Depends(make_nonce)]
FreshNonceDep = Annotated[str, Depends(make_nonce, use_cache=False)]


def signed_nonce(nonce: NonceDep) -> str:
    """A sub-dependency on ``make_nonce``: gets the request's cached value, not a new one."""
    return f"signed:{nonce}"


SignedNonceDep = Annotated[str, Depends(signed_nonce)]
