"""메일 보내기: ``SMTP_HOST``가 있으면 ``smtplib``로 SMTP 발송, 없으면 로그에 씁니다.

메일러는 의존성(``get_mailer``)이라 테스트가 메모리 안의 outbox로 바꿀 수 있습니다."""

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
        """``message``를 보내거나 예외를 일으킵니다."""


def build_message(*, sender: str, recipient: str, body: str) -> EmailMessage:
    """UTF-8 일반 텍스트 메일 (한국어 제목은 ``email``이 RFC 2047로 인코딩합니다)."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = SUBJECT
    message.set_content(body)
    return message


@dataclass(frozen=True)
class SmtpMailer:
    """메시지마다 SMTP 연결 하나: 단순하고, 요청 사이에 살려 둘 것이 없습니다."""

    host: str
    port: int
    timeout: float

    def send(self, message: EmailMessage) -> None:
        with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
            smtp.send_message(message)


class LogMailer:
    """메일 서버 없이 앱을 실행할 때: 메시지를 대신 로그에 씁니다."""

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
