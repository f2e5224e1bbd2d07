"""Helpers the chapters' test suites share: which solution to grade, and real servers for tests."""

from .servers import ServerProcess, free_port, run_server, run_uvicorn, wait_until
from .solution import solution_module

__all__ = [
    "ServerProcess",
    "free_port",
    "run_server",
    "run_uvicorn",
    "solution_module",
    "wait_until",
]
