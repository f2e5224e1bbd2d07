"""Helpers for the concurrency tests: many requests in flight at once, answers in order."""

import sys
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager

import anyio
import httpx


async def send_all(requests: list[Awaitable[httpx.Response]]) -> list[httpx.Response]:
    """Await every request concurrently; the answers come back in the order of ``requests``."""
    answers: list[httpx.Response | None] = [None] * len(requests)

    async def send(index: int, request: Awaitable[httpx.Response]) -> None:
        answers[index] = await request

    async with anyio.create_task_group() as group:
        for index, request in enumerate(requests):
            group.start_soon(send, index, request)
    return answers  # type: ignore[return-value]


@contextmanager
def frequent_thread_switches(interval: float = 1e-6) -> Iterator[None]:
    """Let Python switch threads far more often, so an unguarded race shows up more often."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(interval)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)
