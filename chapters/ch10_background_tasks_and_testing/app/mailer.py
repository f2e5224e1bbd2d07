"""Sending mail: over SMTP with ``smtplib`` when ``SMTP_HOST`` is set, to the log otherwise.

A mailer is anything with ``send(message)``. It is a dependency (``get_mailer``), so a test can
put an in-memory outbox in its place; the background task receives whichever one the request
got. ``send`` blocks (``smtplib`` is synchronous), so callers run it in a worker thread.
"""

import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Annotated, Protocol

from fastapi import Depends

from .config import SettingsDep

logger = logging.getLogger(__name__)

SUBJECT = "FastAPI 강좌 알림"


class Mailer(Protocol):
    def send(self, message: EmailMessage) -> None:
        """Deliver ``message`` or raise."""


def build_message(*, sender: str, recipient: str, body: str) -> EmailMessage:
    """A plain-text UTF-8 email (the Korean subject is RFC 2047 encoded by ``email``)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = SUBJECT
    message.set_content(body)
    return message


@dataclass(frozen=True)
class SmtpMailer:
    """One SMTP connection per message: simple, and nothing to keep alive between requests."""

    host: str
    port: int
    timeout: float

    def send(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            smtp.send_message(message)


class LogMailer:
    """For running the app with no mail server: the message goes to the log instead."""

    def send(self, message: EmailMessage) -> None:
        logger.info(
            "SMTP_HOST is not set, so this mail was not sent:\nFrom: %s\nTo: %s\nSubject: %s\n\n%s",
            message["From"],
            message["To"],
            message["Subject"],
            message.get_content(),
        )


def get_mailer(settings: SettingsDep) -> Mailer:
    if settings.smtp_host:
        return SmtpMailer(settings.smtp_host, settings.smtp_port, settings.smtp_timeout)
    return LogMailer()


MailerDep = Annotated[Mailer, Depends(get_mailer)]
