"""uvicorn, argon2 at its lowest cost: ``python shared/testing/argon2_server.py MODULE APP ...``.

A real server's tests that register and log in spend most of their time hashing (0.2 s a hash
or check, on purpose): a burst of eight registrations is two seconds of a core. Like
``cheap_argon2`` in the tests' own process, this swaps ``MODULE.password_hash`` for the cheap
hasher once uvicorn has loaded ``APP``, and only if that import brought ``MODULE`` in (our
reference, or a variant built on it). A learner's server hashes as it chose.

Run by its path, not with ``-m``: ``-m`` would import the package ``shared.testing`` (pytest,
httpx...) into every server first, a fifth of a second each time.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher


def cheap_password_hash() -> PasswordHash:
    """argon2id with one pass over 1 MiB: the same format, a few milliseconds a hash."""
    return PasswordHash((Argon2Hasher(time_cost=1, memory_cost=1024, parallelism=1),))


def cheapen(module_name: str) -> bool:
    """``password_hash`` of ``module_name``, if imported, becomes the cheap one (for good)."""
    module = sys.modules.get(module_name)
    if module is None or not hasattr(module, "password_hash"):
        return False
    module.password_hash = cheap_password_hash()  # type: ignore[attr-defined]
    cache_clear = getattr(getattr(module, "dummy_hash", None), "cache_clear", None)
    if cache_clear:
        cache_clear()  # made again with the cheap hasher on first use
    return True


def command(module_name: str, app: str, *uvicorn_args: str) -> list[str]:
    """The command line: this interpreter, this file, ``module_name``, then uvicorn's own."""
    return [sys.executable, str(Path(__file__).resolve()), module_name, app, *uvicorn_args]


def main(argv: Sequence[str]) -> None:
    module_name, *uvicorn_args = argv
    # As ``python -m uvicorn``: the working directory first on the path, not this folder.
    sys.path[0] = os.getcwd()
    import uvicorn.config
    import uvicorn.main

    load = uvicorn.config.Config.load

    def load_then_cheapen(self: Any) -> None:
        load(self)
        cheapen(module_name)

    uvicorn.config.Config.load = load_then_cheapen  # type: ignore[method-assign]
    uvicorn.main.main(args=uvicorn_args, prog_name="uvicorn")


if __name__ == "__main__":
    main(sys.argv[1:])
