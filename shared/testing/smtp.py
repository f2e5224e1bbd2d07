"""A real SMTP server on loopback for tests: aiosmtpd in a thread, recording what it receives.

Code that sends mail with ``smtplib`` is tested against a server that speaks real SMTP. The
server can be made slow (``delay``): each message then waits that long before it is accepted,
which is how a test proves that a response does not wait for the mail, or kills a sender while
its message is in flight. A message is recorded only when the server accepts it (its ``250``
reply); a client that disconnects while its message waits delivered nothing. A test can also
make the server refuse a recipient (``refuse``), as a real one refuses an unknown mailbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import email
import email.policy
import functools
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from .servers import free_port

POLL_INTERVAL = 0.02  # how often a waiting message rereads ``delay`` (it may be lowered)


@dataclass(frozen=True)
class ReceivedMail:
    """One accepted message: its envelope and its parsed content."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage
    accepted_at: float = 0.0  # time.time() when the server accepted it

    @property
    def body(self) -> str:
        """The plain-text body, decoded."""
        part = self.message.get_body(("plain",))
        return part.get_content() if part is not None else ""


class RecordingHandler:
    """aiosmtpd handler: hold each message ``delay`` seconds, then record and accept it."""

    def __init__(self, delay: float = 0.0) -> None:
        self._changed = threading.Condition()
        self._messages: list[ReceivedMail] = []
        self.delay = delay
        self.in_flight = 0  # messages received but not yet accepted (waiting out the delay)
        self.abandoned = 0  # messages whose client went away while they waited
        self.refused: set[str] = set()  # recipients answered "550", lower case

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address.lower() in self.refused:
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self._update(in_flight=+1)
        started = time.monotonic()
        try:
            # Polling, not an Event: tests change ``delay`` from their own thread, any time.
            while time.monotonic() - started < self.delay:  # noqa: ASYNC110
                await asyncio.sleep(POLL_INTERVAL)
        except asyncio.CancelledError:  # aiosmtpd cancels the handler when the client is gone
            self._update(in_flight=-1, abandoned=+1)
            raise
        mail = ReceivedMail(
            mail_from=envelope.mail_from,
            rcpt_tos=tuple(envelope.rcpt_tos),
            message=email.message_from_bytes(
                envelope.original_content or envelope.content, policy=email.policy.default
            ),
            accepted_at=time.time(),
        )
        self._update(in_flight=-1, accepted=mail)
        return "250 Message accepted for delivery"

    def _update(
        self, *, in_flight: int = 0, abandoned: int = 0, accepted: ReceivedMail | None = None
    ) -> None:
        with self._changed:
            self.in_flight += in_flight
            self.abandoned += abandoned
            if accepted is not None:
                self._messages.append(accepted)
            self._changed.notify_all()

    @property
    def messages(self) -> list[ReceivedMail]:
        with self._changed:
            return list(self._messages)

    def wait(self, predicate: Callable[[], bool], timeout: float, what: str) -> None:
        """Block until ``predicate()`` holds (checked on every change), or raise TimeoutError."""
        with self._changed:
            if not self._changed.wait_for(predicate, timeout):
                raise TimeoutError(f"SMTP server: {what} not reached within {timeout:g}s")


@dataclass
class SmtpServer:
    """A running recording SMTP server: where it listens and what it has received."""

    host: str
    port: int
    handler: RecordingHandler

    @property
    def delay(self) -> float:
        """Seconds each message waits before it is accepted; lowering it releases waiting ones."""
        return self.handler.delay

    @delay.setter
    def delay(self, seconds: float) -> None:
        self.handler.delay = seconds

    @property
    def messages(self) -> list[ReceivedMail]:
        """Every accepted message so far, oldest first (a copy)."""
        return self.handler.messages

    @property
    def in_flight(self) -> int:
        return self.handler.in_flight

    @property
    def abandoned(self) -> int:
        return self.handler.abandoned

    def refuse(self, address: str) -> None:
        """From now on, answer ``550`` to ``address`` as a recipient (the sender gets an error)."""
        self.handler.refused.add(address.lower())

    def messages_to(self, address: str) -> list[ReceivedMail]:
        """Accepted messages with ``address`` among their envelope recipients."""
        wanted = address.lower()
        return [m for m in self.messages if wanted in (r.lower() for r in m.rcpt_tos)]

    def wait_for_messages(
        self, count: int = 1, *, to: str | None = None, timeout: float = 10
    ) -> list[ReceivedMail]:
        """Wait until at least ``count`` messages (to ``to``, if given) were accepted."""

        def matching() -> list[ReceivedMail]:
            return self.messages_to(to) if to is not None else self.messages

        what = f"{count} message(s)" + (f" to {to}" if to else "")
        self.handler.wait(lambda: len(matching()) >= count, timeout, what)  # the lock is an RLock
        return matching()

    def wait_for_each(self, addresses: Iterable[str], *, idle_timeout: float = 10) -> None:
        """Wait until every one of ``addresses`` has at least one accepted message.

        Many mails on a busy machine may take longer in all than one mail's deadline: the wait
        fails only when no message at all was accepted for ``idle_timeout`` seconds."""
        wanted = {address.lower() for address in addresses}
        while True:
            messages = self.messages
            missing = wanted - {r.lower() for m in messages for r in m.rcpt_tos}
            if not missing:
                return
            self.handler.wait(
                functools.partial(self._accepted_more_than, len(messages)),
                idle_timeout,
                f"one more message ({len(missing)} of {len(wanted)} address(es) still waiting)",
            )

    def _accepted_more_than(self, count: int) -> bool:
        return len(self.handler.messages) > count

    def wait_for_in_flight(self, count: int = 1, *, timeout: float = 10) -> None:
        """Wait until ``count`` messages are being held by the delay."""
        self.handler.wait(lambda: self.handler.in_flight >= count, timeout, f"{count} in flight")

    def wait_for_abandoned(self, count: int = 1, *, timeout: float = 10) -> None:
        """Wait until ``count`` held messages were dropped by their clients in total."""
        self.handler.wait(lambda: self.handler.abandoned >= count, timeout, f"{count} abandoned")


@contextlib.contextmanager
def run_smtp_server(
    *, delay: float = 0.0, host: str = "127.0.0.1", port: int | None = None
) -> Iterator[SmtpServer]:
    """An SMTP server on ``host`` and a free port (or ``port``), stopped on exit."""
    # Imported here: every chapter's tests import shared.testing, few need an SMTP server.
    from aiosmtpd.controller import Controller

    handler = RecordingHandler(delay)
    controller = Controller(handler, hostname=host, port=port or free_port(host))
    controller.start()
    try:
        yield SmtpServer(host=host, port=controller.port, handler=handler)
    finally:
        controller.stop()
