"""Argon2 at its lowest cost, for the many tests that hash a password without testing hashing.

``PasswordHash.recommended()`` spends about 0.2 s per hash or check on purpose; with it, the
password chapters spent half their time hashing. Hashes made here are still argon2id.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from . import argon2_server
from .argon2_server import cheap_password_hash
from .servers import ServerProcess, free_port, run_server, run_uvicorn

__all__ = ["cheap_argon2", "cheap_password_hash", "run_uvicorn_cheap_argon2"]


@contextlib.contextmanager
def cheap_argon2(module_name: str) -> Iterator[None]:
    """``password_hash`` of the module ``module_name`` is the cheap one inside the block.

    Only a module already imported is changed (our reference's, or a variant built on it): a
    learner's solution hashes as it chose, and nothing is imported for it. Servers started in
    other processes keep the real cost, unless started by ``run_uvicorn_cheap_argon2``."""
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


@contextlib.contextmanager
def run_uvicorn_cheap_argon2(
    module_name: str,
    app: str,
    *,
    log_path: Path,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 60,
) -> Iterator[ServerProcess]:
    """``run_uvicorn(app)``, whose server hashes with the cheap argon2 if ``app`` is built on
    ``module_name`` (see ``argon2_server``).

    Decided here as ``cheap_argon2`` decides: ``module_name`` is in this process's
    ``sys.modules`` only if the graded solution imported it. Otherwise the server is plain
    ``python -m uvicorn``, exactly as ``run_uvicorn`` starts it."""
    if module_name not in sys.modules:
        with run_uvicorn(app, log_path=log_path, env=env, cwd=cwd, timeout=timeout) as server:
            yield server
        return
    port = free_port()
    with run_server(
        argon2_server.command(module_name, app, "--host", "127.0.0.1", "--port", str(port)),
        log_path=log_path,
        port=port,
        env=env,
        cwd=cwd,
        timeout=timeout,
    ) as server:
        yield server
