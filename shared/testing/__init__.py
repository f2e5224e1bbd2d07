"""Helpers the chapters' test suites share: which solution to grade, and real servers for tests."""

from .hashing import cheap_argon2, cheap_password_hash, run_uvicorn_cheap_argon2
from .overrides import overridden
from .queues import RedisServer, redis_server_path, run_celery_worker, run_redis_server
from .servers import (
    RunningProcess,
    ServerProcess,
    free_port,
    post_at_once,
    run_process,
    run_server,
    run_uvicorn,
    sql_logging,
    wait_until,
)
from .smtp import ReceivedMail, SmtpServer, run_smtp_server
from .solution import Solution, chapter_fixtures, load_solution

__all__ = [
    "ReceivedMail",
    "RedisServer",
    "RunningProcess",
    "ServerProcess",
    "SmtpServer",
    "Solution",
    "chapter_fixtures",
    "cheap_argon2",
    "cheap_password_hash",
    "free_port",
    "load_solution",
    "overridden",
    "post_at_once",
    "redis_server_path",
    "run_celery_worker",
    "run_process",
    "run_redis_server",
    "run_server",
    "run_smtp_server",
    "run_uvicorn",
    "run_uvicorn_cheap_argon2",
    "sql_logging",
    "wait_until",
]
