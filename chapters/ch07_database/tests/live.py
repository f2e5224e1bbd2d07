"""실제 uvicorn 프로세스를 띄우는 도구: ``tmp_path``의 DB로 띄운 풀이의 서버,
한꺼번에 보내는 요청, 앱 없이 파일에서 읽는 행.

``test_real_database.py``와 ``test_simultaneous_creates.py``가 함께 씁니다.
"""

import json
import socket
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from shared.testing import Solution, run_uvicorn


def serve(solution: Solution, tmp_path: Path, **env: str):
    """A real uvicorn on the graded solution with its database in ``tmp_path`` (cwd too)."""
    database = f"sqlite:///{(tmp_path / 'items.db').as_posix()}"
    return run_uvicorn(
        solution.target,
        env={**solution.pythonpath, "DATABASE_URL": database, **env},
        cwd=tmp_path,
        log_path=tmp_path / "uvicorn.log",
    )


@dataclass
class Answer:
    status_code: int
    body: Any


def post_together(url: str, path: str, bodies: list[dict[str, Any]]) -> list[Answer]:
    """POST each body on a connection of its own, opened first; then every request is written
    in one tight loop, so that all of them reach the server within microseconds.

    Threads behind a barrier (``post_at_once``) leave a few milliseconds between requests: a
    check in Python before the INSERT (with no constraint) then let two creates through in
    only a quarter of the races; sent like this, in four of ten. Over ``ROUNDS`` races it loses
    every run (20 of 20)."""
    address = urlsplit(url)
    host, port = address.hostname or "127.0.0.1", address.port or 80
    requests = []
    for body in bodies:
        payload = json.dumps(body).encode()
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n\r\n"
        )
        requests.append(head.encode() + payload)
    connections = [socket.create_connection((host, port), timeout=30) for _ in bodies]
    try:
        for connection, request in zip(connections, requests, strict=True):
            connection.sendall(request)
        return [read_answer(connection) for connection in connections]
    finally:
        for connection in connections:
            connection.close()


def read_answer(connection: socket.socket) -> Answer:
    chunks = []
    while chunk := connection.recv(65536):
        chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    try:
        return Answer(status, json.loads(body))
    except ValueError:  # a 500's plain text
        return Answer(status, body.decode(errors="replace"))


def rows_named(db_file: Path, name: str) -> list[tuple[int, str, int]]:
    """The rows of ``items`` with that name, read from the file with no SQLAlchemy and no app."""
    connection = sqlite3.connect(db_file)
    try:
        query = "SELECT id, name, price FROM items WHERE name = ? ORDER BY id"
        return connection.execute(query, (name,)).fetchall()
    finally:
        connection.close()
