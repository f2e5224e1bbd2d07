"""Argon2 at its lowest cost, for the many tests that hash a password without testing hashing.

``PasswordHash.recommended()`` spends about 0.2 s per hash or check on purpose; with it, the
password chapters spent half their time hashing. Hashes made here are still argon2id.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

import pytest
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher


def cheap_password_hash() -> PasswordHash:
    """argon2id with one pass over 1 MiB: the same format, a few milliseconds a hash."""
    return PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),))


@contextlib.contextmanager
def cheap_argon2(module_name: str) -> Iterator[None]:
    """``password_hash`` of the module ``module_name`` is the cheap one inside the block.

    Only a module already imported is changed (our reference's, or a variant built on it): a
    learner's solution hashes as it chose, and nothing is imported for it. Servers started in
    other processes keep the real cost."""
    security = sys.modules.get(module_name)
    if security is None or not hasattr(security, "password_hash"):
        yield
        return
    cache_clear = getattr(getattr(security, "dummy_hash", None), "cache_clear", None)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(security, "password_hash", cheap_password_hash())
        if cache_clear:
            cache_clear()  # made again with the cheap hasher on first use
        try:
            yield
        finally:
            if cache_clear:
                cache_clear()
