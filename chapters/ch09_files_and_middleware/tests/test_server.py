"""챕터 9를 진짜 uvicorn 프로세스로: 환경 변수에서 읽은 설정, 진짜 소켓.

10 GiB를 알린 클라이언트는 헤더를 보낸 뒤, 본문을 보내기 한참 전에 413을 받는다.
"""

import json
import socket
from pathlib import Path

import httpx
import pytest

from shared.testing import Solution, run_uvicorn

from .support import PNG, files_under

LIMIT = 256 * 1024
FRONTEND = "https://frontend.example"


@pytest.fixture
def server(solution: Solution, tmp_path: Path):
    """환경 변수로만 설정한, 풀이의 uvicorn 프로세스."""
    env = {
        **solution.pythonpath,
        "UPLOAD_DIR": str(tmp_path / "uploads"),
        "MAX_REQUEST_BYTES": str(LIMIT),
        "MAX_UPLOAD_BYTES": str(LIMIT // 2),
        "CORS_ORIGINS": json.dumps([FRONTEND]),
    }
    with run_uvicorn(solution.target, log_path=tmp_path / "server.log", env=env, timeout=90) as s:
        yield s


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
def test_a_huge_upload_is_refused_before_its_body_is_sent(server, tmp_path: Path) -> None:
    """실제 서버는 10 GiB를 알린 업로드에 헤더만 받고 413으로 답하며 아무것도 저장하지 않는다."""
    host, port = server.url.removeprefix("http://").split(":")
    head = (
        f"POST /upload HTTP/1.1\r\nHost: {host}\r\n"
        "Content-Type: multipart/form-data; boundary=x\r\n"
        f"Content-Length: {10 * 1024**3}\r\n\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(head.encode())  # the headers only: not one byte of the 10 GiB
        answer = read_response_head(sock)
    assert answer.startswith("HTTP/1.1 413")
    assert files_under(tmp_path / "uploads") == []


@pytest.mark.points(2)
@pytest.mark.timeout(150)
def test_upload_and_download_through_a_real_server(server, tmp_path: Path) -> None:
    """실제 서버는 환경 변수의 `UPLOAD_DIR`에 저장하고 내려주며 `MAX_UPLOAD_BYTES`를 지킨다."""
    uploaded = httpx.post(
        f"{server.url}/upload", files={"file": ("../../x.png", PNG, "image/png")}, timeout=30
    )
    assert uploaded.status_code in (200, 201)  # the 201 itself is graded by test_uploads.py
    file_id = uploaded.json()["id"]
    assert files_under(tmp_path / "uploads") == [tmp_path / "uploads" / file_id]  # UPLOAD_DIR
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
