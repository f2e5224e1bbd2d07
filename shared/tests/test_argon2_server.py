"""The cheap-argon2 uvicorn: only a module the solution imported is changed, and only there."""

import contextlib
import sys
import types
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pwdlib import PasswordHash

from shared.testing import argon2_server, hashing


def test_cheapen_swaps_the_hasher_and_forgets_the_dummy_hash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    security = types.ModuleType("some_app.security")
    security.password_hash = PasswordHash.recommended()  # type: ignore[attr-defined]

    @cache
    def dummy_hash() -> str:
        return security.password_hash.hash("dummy")  # type: ignore[attr-defined, no-any-return]

    security.dummy_hash = dummy_hash  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "some_app.security", security)
    dummy_hash.cache_clear()
    assert argon2_server.cheapen("some_app.security")
    cheap = security.password_hash  # type: ignore[attr-defined]
    assert cheap.hash("x").startswith("$argon2id$v=19$m=1024,t=1,p=1$")  # the lowest cost
    assert dummy_hash.cache_info().currsize == 0


def test_cheapen_leaves_modules_alone_that_are_not_imported_or_not_hashing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not argon2_server.cheapen("not_imported_anywhere.security")
    monkeypatch.setitem(sys.modules, "plain_module", types.ModuleType("plain_module"))
    assert not argon2_server.cheapen("plain_module")


def test_the_command_runs_this_file_with_uvicorns_arguments() -> None:
    command = argon2_server.command("pkg.security", "pkg.main:app", "--port", "8000")
    assert command[0] == sys.executable
    assert Path(command[1]) == Path(argon2_server.__file__).resolve()
    assert command[2:] == ["pkg.security", "pkg.main:app", "--port", "8000"]


def test_a_solution_not_built_on_the_module_gets_plain_uvicorn(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    started: list[tuple[str, dict[str, Any]]] = []

    @contextlib.contextmanager
    def fake_run_uvicorn(app: str, **kwargs: Any) -> Iterator[str]:
        started.append((app, kwargs))
        yield "server"

    monkeypatch.setattr(hashing, "run_uvicorn", fake_run_uvicorn)
    with hashing.run_uvicorn_cheap_argon2(
        "not_imported_anywhere.security", "learner:app", log_path=tmp_path / "log"
    ) as server:
        assert server == "server"
    assert started == [
        ("learner:app", {"log_path": tmp_path / "log", "env": None, "cwd": None, "timeout": 60})
    ]
