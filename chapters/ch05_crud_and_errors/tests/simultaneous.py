"""동시성 테스트의 도우미: 여러 요청을 한꺼번에 보내고, 응답은 보낸 순서대로."""

import sys
from collections.abc import Awaitable, Iterator
from contextlib import contextmanager

import anyio
import httpx


async def send_all(requests: list[Awaitable[httpx.Response]]) -> list[httpx.Response]:
    """모든 요청을 동시에 기다린다. 응답은 ``requests``의 순서로 돌아온다."""
    answers: list[httpx.Response | None] = [None] * len(requests)

    async def send(index: int, request: Awaitable[httpx.Response]) -> None:
        answers[index] = await request

    async with anyio.create_task_group() as group:
        for index, request in enumerate(requests):
            group.start_soon(send, index, request)
    return answers  # type: ignore[return-value]


@contextmanager
def frequent_thread_switches(interval: float = 1e-6) -> Iterator[None]:
    """Python이 스레드를 훨씬 자주 바꾸게 해서, 보호되지 않은 경쟁 상태가 더 자주 드러나게 한다."""
    previous = sys.getswitchinterval()
    sys.setswitchinterval(interval)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)
