"""After pytest-timeout fails a hung test, make sure the hang costs that test only.

pytest-timeout (``signal`` method) raises once, in the test. A ``TestClient`` whose request
hangs catches that and waits again for the request to finish (it never does), in the test and
again in the fixture's teardown; the thread that sleeps keeps the process from exiting. So after
a timeout the test is interrupted again every ``grace(limit)`` seconds while it is still stuck,
and a process left with such threads exits right after its session, its coverage data saved
first.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Generator
from types import FrameType
from typing import Any

import pytest

GRACE = 3.0  # at most, between two interrupts of a test still stuck after its time limit
timed_out_key = pytest.StashKey[float]()  # the limit that was passed, in seconds


def pause() -> None:
    signal.setitimer(signal.ITIMER_REAL, 0)


def grace(limit: float) -> float:
    """Seconds between interrupts after a limit of ``limit`` s: a quarter of it, 3 s at most
    (a proof's 3 s limit costs a hung test about 5 s in all, not 12)."""
    return min(GRACE, max(0.25, limit / 4))


def interrupter(limit: float) -> Callable[[int, FrameType | None], None]:
    def interrupt(signum: int, frame: FrameType | None) -> None:
        __tracebackhide__ = True
        # Worded as pytest-timeout's own message: the grader reads both as "시간 초과".
        pytest.fail(
            f"Timeout (>{limit:g}s), still stuck {grace(limit):g}s later: interrupted", False
        )

    return interrupt


class HangGuard:
    """Registered by the grading plugin in every process that runs tests."""

    def __init__(self) -> None:
        self.threads_at_start = set(threading.enumerate())
        self.timed_out = False
        self.exitstatus = 0

    @pytest.hookimpl(wrapper=True)
    def pytest_timeout_set_timer(
        self, item: pytest.Item, settings: Any
    ) -> Generator[None, Any, Any]:
        result = yield
        if settings.method != "signal" or threading.current_thread() is not threading.main_thread():
            return result
        timeout = signal.getsignal(signal.SIGALRM)
        if not callable(timeout):  # pragma: no cover - pytest-timeout has just set its own
            return result

        def handler(signum: int, frame: FrameType | None) -> None:
            __tracebackhide__ = True
            if timed_out_key in item.stash:
                interrupter(settings.timeout)(signum, frame)
            item.stash[timed_out_key] = settings.timeout
            self.timed_out = True
            every = grace(settings.timeout)
            signal.setitimer(signal.ITIMER_REAL, every, every)  # until the item is done
            timeout(signum, frame)  # pytest-timeout's own: stacks dumped, the test failed

        signal.signal(signal.SIGALRM, handler)
        return result

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_setup(self, item: pytest.Item) -> Generator[None, None, None]:
        try:
            return (yield)
        finally:
            if timed_out_key in item.stash:
                pause()  # not while pytest reports; teardown arms it again

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Generator[None, None, None]:
        try:
            return (yield)
        finally:
            if timed_out_key in item.stash:
                pause()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_teardown(self, item: pytest.Item) -> Generator[None, None, None]:
        # pytest-timeout stopped its timer when the test failed (pytest_exception_interact).
        if timed_out_key not in item.stash:
            return (yield)
        limit = item.stash[timed_out_key]
        previous = signal.signal(signal.SIGALRM, interrupter(limit))
        signal.setitimer(signal.ITIMER_REAL, grace(limit), grace(limit))
        try:
            return (yield)
        finally:
            pause()
            signal.signal(signal.SIGALRM, previous)

    def pytest_sessionfinish(self, exitstatus: int) -> None:
        self.exitstatus = int(exitstatus)

    @pytest.hookimpl(trylast=True)
    def pytest_unconfigure(self, config: pytest.Config) -> None:
        if not self.timed_out:
            return
        left = [
            t
            for t in threading.enumerate()
            if t.is_alive() and not t.daemon and t not in self.threads_at_start
        ]
        if not left:
            return
        save_coverage()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(self.exitstatus)


def save_coverage() -> None:
    """The data of ``coverage run`` (or its subprocess patch), which ``os._exit`` would lose."""
    import coverage

    current = coverage.Coverage.current()
    if current is not None:
        current.stop()
        current.save()
