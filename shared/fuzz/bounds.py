"""How hard and how long to fuzz, from the environment; CI runs the defaults.

``FUZZ_EXAMPLES`` generated cases per operation (default 25), ``FUZZ_DEADLINE_MS`` for one
case (default 5000), ``FUZZ_BUDGET`` seconds for one chapter (default: 6 s per example, at
least 150), ``FUZZ_SEED`` an integer, or ``random`` for a fresh seed (default: a fixed one, so
CI fuzzes the same cases every run and a failure reproduces). Only the standard library here:
the normal test run imports this package's ``conftest.py``, without the fuzz dependencies.
"""

from __future__ import annotations

import os
import random
import shlex

DEFAULT_EXAMPLES = 25
DEFAULT_SEED = 20251125


def positive_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name} must be a positive integer, not {raw!r}") from None
    if value < 1:
        raise ValueError(f"{name} must be a positive integer, not {raw!r}")
    return value


def seed_from_env() -> int:
    raw = os.environ.get("FUZZ_SEED", "").strip()
    if raw.lower() == "random":
        return random.SystemRandom().randrange(2**32)
    return positive_int("FUZZ_SEED", DEFAULT_SEED)


EXAMPLES = positive_int("FUZZ_EXAMPLES", DEFAULT_EXAMPLES)
DEADLINE_MS = positive_int("FUZZ_DEADLINE_MS", 5000)
BUDGET_SECONDS = positive_int("FUZZ_BUDGET", max(150, 6 * EXAMPLES))
SEED = seed_from_env()


def reproduce_command(nodeid: str) -> str:
    """The command that fuzzes one operation again with the same cases."""
    return f"FUZZ_SEED={SEED} FUZZ_EXAMPLES={EXAMPLES} nox -s fuzz -- -n 0 {shlex.quote(nodeid)}"
