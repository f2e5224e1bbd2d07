"""The fuzz suite's time bound per chapter and its reproduction hint.

Loaded by every pytest run that collects ``shared/`` (the graded one too), so it imports
nothing of the fuzz dependency group; ``harness.py`` does.
"""

from __future__ import annotations

import time

import pytest

from .bounds import BUDGET_SECONDS, EXAMPLES, SEED, reproduce_command

CLOCKS: dict[str, float] = {}


@pytest.fixture
def chapter_clock(request: pytest.FixtureRequest) -> float:
    """When this chapter's fuzzing began in this process (one test function per chapter)."""
    return CLOCKS.setdefault(request.node.originalname, time.monotonic())


@pytest.fixture(autouse=True)
def within_budget(request: pytest.FixtureRequest, chapter_clock: float) -> None:
    """Refuse to start another operation once the chapter has used its time budget, and say
    how to fuzz a failing operation again with the same cases."""
    spent = time.monotonic() - chapter_clock
    if spent > BUDGET_SECONDS:
        pytest.fail(
            f"the chapter's fuzz budget is used up ({spent:.0f} s of FUZZ_BUDGET={BUDGET_SECONDS}"
            f" s at FUZZ_EXAMPLES={EXAMPLES}): raise FUZZ_BUDGET or lower FUZZ_EXAMPLES"
        )
    request.node.add_report_section(
        "call",
        "reproduce",
        f"seed {SEED}, {EXAMPLES} examples per operation; run again with:\n"
        f"  {reproduce_command(request.node.nodeid)}\n",
    )
