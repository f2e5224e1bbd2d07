"""챕터 9를 진짜 uvicorn 프로세스로: 환경 변수에서 읽은 설정, 진짜 소켓.

10 GiB를 알린 클라이언트는 헤더를 보낸 뒤, 본문을 보내기 한참 전에 413을 받는다.
"""

import json
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from shared.testing import ServerProcess, Solution, run_uvicorn

from .support import PNG, files_under

LIMIT = 256 * 1024
FRONTEND = "https://frontend.example"


@dataclass
class Served:
    """The module's server and the ``UPLOAD_DIR`` it was given."""

    server: ServerProcess
    uploads: Path


@pytest.fixture(scope="module")
def served(solution: Solution, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """환경 변수로만 설정한, 풀이의 uvicorn 프로세스 하나(이 파일의 테스트가 함께 씀).

    Each test looks only at what its own requests changed (the files that appeared)."""
    folder = tmp_path_factory.mktemp("ch09-server")
    env = {
        **solution.pythonpath,
        "UPLOAD_DIR": str(folder / "uploads"),
        "MAX_REQUEST_BYTES": str(LIMIT),
        "MAX_UPLOAD_BYTES": str(LIMIT // 2),
        "CORS_ORIGINS": json.dumps([FRONTEND]),
    }
    with run_uvicorn(solution.target, log_path=folder / "server.log", env=env, timeout=90) as s:
        yield Served(s, folder / "uploads")


@pytest.fixture
def server(served: Served) -> ServerProcess:
    return served.server


@pytest.fixture
def uploads(served: Served) -> Path:
    """The server's ``UPLOAD_DIR``."""
    return served.uploads


def read_response_head(sock: socket.socket) -> str:
    """서버 응답의 상태 줄과 헤더(빈 줄까지)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.decode("latin-1")


@pytest.mark.points(3)
@pytest.mark.timeout(150)
def test_a_huge_upload_is_refused_before_its_body_is_sent(server, uploads: Path) -> None:
    """실제 서버는 10 GiB를 알린 업로드에 헤더만 받고 413으로 답하며 아무것도 저장하지 않는다."""
    host, port = server.url.removeprefix("http://").split(":")
    head = (
        f"POST /upload HTTP/1.1\r\nHost: {host}\r\n"
        "Content-Type: multipart/form-data; boundary=x\r\n"
        f"Content-Length: {10 * 1024**3}\r\n\r\n"
    )
    before = files_under(uploads)
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(head.encode())  # the headers only: not one byte of the 10 GiB
        answer = read_response_head(sock)
    assert answer.startswith("HTTP/1.1 413")
    assert files_under(uploads) == before


@pytest.mark.points(2)
@pytest.mark.timeout(150)
def test_upload_and_download_through_a_real_server(server, uploads: Path) -> None:
    """실제 서버는 환경 변수의 `UPLOAD_DIR`에 저장하고 내려주며 `MAX_UPLOAD_BYTES`를 지킨다."""
    before = set(files_under(uploads))
    uploaded = httpx.post(
        f"{server.url}/upload", files={"file": ("../../x.png", PNG, "image/png")}, timeout=30
    )
    assert uploaded.status_code in (200, 201)  # the 201 itself is graded by test_uploads.py
    file_id = uploaded.json()["id"]
    assert set(files_under(uploads)) - before == {uploads / file_id}  # UPLOAD_DIR
    downloaded = httpx.get(f"{server.url}{uploaded.json()['download_url']}", timeout=30)
    assert downloaded.content == PNG
    too_big = httpx.post(
        f"{server.url}/upload",
        files={"file": ("big.txt", b"a" * (LIMIT // 2 + 1), "text/plain")},
        timeout=30,
    )
    assert too_big.status_code == 413  # MAX_UPLOAD_BYTES (half the request limit) applies


@pytest.mark.points(2)
@pytest.mark.timeout(150)
def test_cors_origins_come_from_the_environment(server) -> None:
    """환경 변수 `CORS_ORIGINS`가 기본 출처 목록을 대신한다."""

    def preflight(origin: str) -> httpx.Response:
        headers = {"Origin": origin, "Access-Control-Request-Method": "POST"}
        return httpx.options(f"{server.url}/upload", headers=headers, timeout=30)

    assert preflight(FRONTEND).headers["access-control-allow-origin"] == FRONTEND
    default_origin = preflight("http://localhost:3000")  # allowed only by the default list
    assert "access-control-allow-origin" not in default_origin.headers
