"""Helpers the chapters' test suites share: which solution to grade, and real servers for tests."""

from .overrides import overridden
from .queues import RedisServer, redis_server_path, run_celery_worker, run_redis_server
from .servers import (
    RunningProcess,
    ServerProcess,
    free_port,
    run_process,
    run_server,
    run_uvicorn,
    wait_until,
)
from .smtp import ReceivedMail, SmtpServer, run_smtp_server
from .solution import solution_module

__all__ = [
    "ReceivedMail",
    "RedisServer",
    "RunningProcess",
    "ServerProcess",
    "SmtpServer",
    "free_port",
    "overridden",
    "redis_server_path",
    "run_celery_worker",
    "run_process",
    "run_redis_server",
    "run_server",
    "run_smtp_server",
    "run_uvicorn",
    "solution_module",
    "wait_until",
]
