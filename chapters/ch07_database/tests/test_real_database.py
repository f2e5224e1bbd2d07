"""챕터 7: 오버라이드 없이 실제 파일에서 확인하는 앱의 연결(``DATABASE_URL``, 엔진, 테이블).

실제 uvicorn에서 동시 요청의 승자는 유일 제약이 정하고, SQL 로그에는 행의 값이 남지 않는다.
"""

import json
import socket
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from uuid import uuid4

import httpx
import pytest

from shared.testing import Solution, post_at_once, run_uvicorn

from .test_items_crud import CREATED

RACERS = 8  # requests sent at the same moment
ROUNDS = 24  # races run, each on a name of its own: under load, most races do not overlap


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


def serve(solution: Solution, tmp_path: Path, **env: str):
    """A real uvicorn on the graded solution with its database in ``tmp_path`` (cwd too)."""
    database = f"sqlite:///{(tmp_path / 'items.db').as_posix()}"
    return run_uvicorn(
        solution.target,
        env={**solution.pythonpath, "DATABASE_URL": database, **env},
        cwd=tmp_path,
        log_path=tmp_path / "uvicorn.log",
    )


def sql_logging(tmp_path: Path) -> dict[str, str]:
    """The environment of a uvicorn that logs every SQL statement (``sqlalchemy.engine`` INFO),
    as someone tracking a bug down would turn it on (``--log-config``, here by its variable)."""
    config = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
        "root": {"level": "INFO", "handlers": ["console"]},
        "loggers": {"sqlalchemy.engine": {"level": "INFO"}},
    }
    path = tmp_path / "logging.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return {"UVICORN_LOG_CONFIG": str(path)}


def rows_named(db_file: Path, name: str) -> list[tuple[int, str, int]]:
    """The rows of ``items`` with that name, read from the file with no SQLAlchemy and no app."""
    connection = sqlite3.connect(db_file)
    try:
        query = "SELECT id, name, price FROM items WHERE name = ? ORDER BY id"
        return connection.execute(query, (name,)).fetchall()
    finally:
        connection.close()


@pytest.mark.points(3)
@pytest.mark.timeout(120)
def test_a_real_server_stores_items_in_the_configured_file(
    solution: Solution, tmp_path: Path
) -> None:
    """실제 uvicorn은 `DATABASE_URL`의 파일에 (폴더까지 만들어) 테이블을 만들고 저장한다."""
    db_file = tmp_path / "nested" / "data" / "items.db"
    env = {**solution.pythonpath, "DATABASE_URL": f"sqlite:///{db_file.as_posix()}"}

    # cwd: a solution that ignores DATABASE_URL writes its relative file here, not in the repo.
    with run_uvicorn(
        solution.target, env=env, cwd=tmp_path, log_path=tmp_path / "uvicorn.log"
    ) as server:
        # 200 or 201: the 201 is test_items_crud.py's to grade, the list test_pagination.py's.
        created = httpx.post(f"{server.url}/items", json={"name": "연필", "price": 500})
        assert created.status_code in CREATED, server.output
        item = created.json()
        assert httpx.get(f"{server.url}/items/{item['id']}").json() == item

    # Read the file itself, with no SQLAlchemy and no app: the row is really on disk.
    assert db_file.is_file(), "the folder and the file should have been made at startup"
    assert rows_named(db_file, "연필") == [(item["id"], "연필", 500)]


@pytest.mark.points(2)
@pytest.mark.timeout(180)
def test_simultaneous_creates_of_one_name_give_one_201_and_409s(
    solution: Solution, tmp_path: Path
) -> None:
    """같은 이름으로 동시에 보낸 생성 요청 8개는 201 하나와 409 일곱이고, 5xx는 없다(24번).

    The losers get the chapter's usual 409 (the same ``detail`` as a duplicate sent later),
    and the table holds the winner's row only: its price, not a loser's (read from the file,
    not through ``GET /items``, whose paging is test_pagination.py's). The winner may answer
    200 or 201 here: the 201 is graded by test_items_crud.py."""
    with serve(solution, tmp_path) as server:
        for name in (f"연필 {n} {uuid4().hex[:8]}" for n in range(ROUNDS)):
            bodies = [{"name": name, "price": 1000 + n} for n in range(RACERS)]
            answers = post_together(server.url, "/items", bodies)
            codes = sorted(answer.status_code for answer in answers)
            assert codes[0] in CREATED, (codes, server.output[-4000:])  # 200 or 201: one
            assert codes[1:] == [409] * (RACERS - 1), (codes, server.output[-4000:])

            later = httpx.post(f"{server.url}/items", json=bodies[0], timeout=10)
            assert later.status_code == 409
            assert later.json()["detail"]
            losers = [answer for answer in answers if answer.status_code == 409]
            assert all(answer.body == later.json() for answer in losers)

            (winner,) = (answer.body for answer in answers if answer.status_code in CREATED)
            assert rows_named(tmp_path / "items.db", name) == [
                (winner["id"], name, winner["price"])
            ]


@pytest.mark.points(2)
@pytest.mark.timeout(180)
def test_sql_logging_shows_no_item_values(solution: Solution, tmp_path: Path) -> None:
    """SQL 로그를 켜도, 거부된 INSERT가 있어도 로그에 아이템의 값(파라미터)은 나오지 않는다.

    The engine hides parameters (``hide_parameters=True``): the log shows each statement but
    not the prices sent, neither for the stored row nor for the INSERTs the constraint refused."""
    name = f"연필 {uuid4().hex[:8]}"
    prices = [73_191_000 + n for n in range(RACERS)]  # nothing else in a log looks like these
    with serve(solution, tmp_path, **sql_logging(tmp_path)) as server:
        answers = post_at_once(server, "/items", [{"name": name, "price": p} for p in prices])
        assert {answer.status_code for answer in answers} & set(CREATED)
        # A duplicate sent alone: the database refuses its INSERT.
        httpx.post(f"{server.url}/items", json={"name": name, "price": prices[0]}, timeout=10)
    log = server.output
    assert "INSERT INTO items" in log, "SQL logging should have shown the statements"
    assert "[parameters:" not in log
    leaked = [price for price in prices if str(price) in log]
    assert leaked == [], f"prices in the log: {leaked}"
