"""The recording SMTP server: real SMTP in, parsed messages out, and a delay that holds them."""

import smtplib
import socket
import threading
import time
from email.message import EmailMessage

import pytest

from shared.testing import SmtpServer, run_smtp_server


def welcome(to: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "sender@example.com"
    message["To"] = to
    message["Subject"] = "환영합니다"
    message.set_content("환영합니다! 가입을 축하합니다.")
    return message


def send(server: SmtpServer, message: EmailMessage) -> None:
    with smtplib.SMTP(server.host, server.port, timeout=10) as client:
        client.send_message(message)


@pytest.fixture
def server():
    with run_smtp_server() as smtp:
        yield smtp


def test_listens_on_loopback(server: SmtpServer) -> None:
    assert server.host == "127.0.0.1"
    with socket.create_connection((server.host, server.port), timeout=5) as sock:
        assert sock.recv(100).startswith(b"220")


def test_a_message_sent_with_smtplib_arrives_parsed(server: SmtpServer) -> None:
    before = time.time()
    send(server, welcome("user@example.com"))
    [mail] = server.wait_for_messages(1, timeout=10)
    assert before <= mail.accepted_at <= time.time()
    assert mail.mail_from == "sender@example.com"
    assert mail.rcpt_tos == ("user@example.com",)
    assert mail.message["Subject"] == "환영합니다"  # RFC 2047 encoded on the wire, decoded here
    assert mail.body.strip() == "환영합니다! 가입을 축하합니다."
    assert server.messages_to("USER@example.com") == [mail]
    assert server.messages_to("other@example.com") == []


def test_body_of_a_message_without_a_text_part_is_empty(server: SmtpServer) -> None:
    message = EmailMessage()
    message["From"] = "sender@example.com"
    message["To"] = "user@example.com"
    message.set_content(b"\x00\x01", maintype="application", subtype="octet-stream")
    send(server, message)
    [mail] = server.wait_for_messages(1, to="user@example.com", timeout=10)
    assert mail.body == ""


def test_waiting_for_messages_that_never_come_times_out(server: SmtpServer) -> None:
    send(server, welcome("one@example.com"))
    server.wait_for_messages(1, timeout=10)
    with pytest.raises(TimeoutError, match="2 message"):
        server.wait_for_messages(2, timeout=0.2)
    with pytest.raises(TimeoutError, match=r"to two@example\.com"):
        server.wait_for_messages(1, to="two@example.com", timeout=0.2)


def test_delay_holds_a_message_until_it_elapses(server: SmtpServer) -> None:
    server.delay = 0.3
    assert server.delay == 0.3
    started = time.monotonic()
    send(server, welcome("slow@example.com"))  # returns when the server has accepted it
    assert time.monotonic() - started >= 0.3
    assert len(server.messages_to("slow@example.com")) == 1


def test_lowering_the_delay_releases_a_held_message(server: SmtpServer) -> None:
    server.delay = 60
    sender = threading.Thread(target=send, args=(server, welcome("held@example.com")))
    sender.start()
    try:
        server.wait_for_in_flight(1, timeout=10)
        assert server.messages == []  # held, not accepted
    finally:
        server.delay = 0
        sender.join(timeout=10)
    assert not sender.is_alive()
    assert len(server.messages_to("held@example.com")) == 1
    assert server.in_flight == 0


def test_a_client_that_leaves_while_held_delivers_nothing(server: SmtpServer) -> None:
    server.delay = 60
    client = smtplib.SMTP(server.host, server.port, timeout=10)
    client.ehlo()
    client.mail("sender@example.com")
    client.rcpt("gone@example.com")
    client.putcmd("data")
    assert client.getreply()[0] == 354
    client.send(welcome("gone@example.com").as_bytes().replace(b"\n", b"\r\n") + b"\r\n.\r\n")
    server.wait_for_in_flight(1, timeout=10)
    client.close()  # the sender dies before the server's 250 (no QUIT: the socket just closes)
    server.wait_for_abandoned(1, timeout=10)
    server.delay = 0
    assert server.in_flight == 0
    assert server.messages == []
    with pytest.raises(TimeoutError, match="abandoned"):
        server.wait_for_abandoned(2, timeout=0.1)


def test_explicit_port_and_stop() -> None:
    with run_smtp_server(delay=0.0) as first:
        port = first.port
    # Stopped: the port is free again and can be reused explicitly.
    with run_smtp_server(port=port) as second:
        assert second.port == port
        send(second, welcome("again@example.com"))
        assert second.wait_for_messages(1, timeout=10)[0].rcpt_tos == ("again@example.com",)


def test_a_refused_recipient_gets_550_and_nothing_is_recorded(server: SmtpServer) -> None:
    server.refuse("Nobody@Example.com")  # refused whatever the case
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        send(server, welcome("nobody@example.com"))
    [(code, reply)] = refused.value.recipients.values()
    assert code == 550
    assert b"mailbox unavailable" in reply
    send(server, welcome("somebody@example.com"))  # others are still accepted
    assert [m.message["To"] for m in server.messages] == ["somebody@example.com"]
