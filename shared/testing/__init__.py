"""Helpers the chapters' test suites share: which solution to grade, and real servers for tests."""

from .servers import ServerProcess, free_port, run_server, run_uvicorn, wait_until
from .smtp import ReceivedMail, SmtpServer, run_smtp_server
from .solution import solution_module

__all__ = [
    "ReceivedMail",
    "ServerProcess",
    "SmtpServer",
    "free_port",
    "run_server",
    "run_smtp_server",
    "run_uvicorn",
    "solution_module",
    "wait_until",
]
