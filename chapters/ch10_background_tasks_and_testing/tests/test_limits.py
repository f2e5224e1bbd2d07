"""챕터 10을 부주의하거나 바쁜 클라이언트 앞의 진짜 uvicorn 프로세스로: 본문 한도와 경쟁 상태.

진짜 서버에서 찾은 문제들: 무응답, 다 읽은 뒤의 413, 본문을 되돌린 422, 동시 가입의 500.
"""

import os
import socket
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from shared.testing import ServerProcess, Solution, post_at_once, run_uvicorn

UPLOAD_LIMIT = 64 * 1024
BODY_LIMIT = 16 * 1024
PASSWORD = "a long enough password"
# A server that keeps its limit answers in milliseconds; one without it waits for the body.
# The proof that grades solutions without limits (shared/tests/learners/test_ch10.py) shortens
# it: there every test here fails, and each would wait the whole time for an answer.
ANSWER_WAIT = float(os.environ.get("CH10_ANSWER_WAIT", 3))


@pytest.fixture(scope="module")
def server_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """서버의 파일(DB, 감사 로그, 업로드, 로그)이 있는 폴더."""
    return tmp_path_factory.mktemp("limits")


@pytest.fixture(scope="module")
def server(solution: Solution, server_folder: Path) -> Iterator[ServerProcess]:
    """모듈 범위: 파일은 ``server_folder``에 두고 환경 변수로 작은 한도를 준 uvicorn 속의 앱.

    이 파일의 테스트가 함께 쓴다(띄우는 데 1초 넘게): 테스트마다 새 이름을 쓰고, 자기가 보낸
    요청 뒤에 생긴 것(업로드, 로그 줄)만 본다."""
    env = {
        **solution.pythonpath,
        "DATABASE_URL": f"sqlite:///{server_folder / 'app.db'}",
        "AUDIT_LOG_PATH": str(server_folder / "audit.log"),
        "UPLOAD_DIR": str(server_folder / "uploads"),
        "MAX_UPLOAD_BYTES": str(UPLOAD_LIMIT),
        "MAX_BODY_BYTES": str(BODY_LIMIT),
        "SECRET_KEY": "limits-" + "k" * 40,
    }
    with run_uvicorn(
        solution.target,
        env=env,
        log_path=server_folder / "server.log",
        cwd=server_folder,
        timeout=90,
    ) as running:
        yield running


def stored_uploads(folder: Path) -> set[str]:
    uploads = folder / "uploads"
    return {path.name for path in uploads.iterdir()} if uploads.exists() else set()


def log_since(server: ServerProcess, offset: int) -> str:
    """``offset`` 바이트 뒤에 서버가 남긴 로그."""
    with open(server.log_path, "rb") as log:
        log.seek(offset)
        return log.read().decode("utf-8", errors="replace")


def connect(server: ServerProcess) -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=ANSWER_WAIT)


def read_status(sock: socket.socket) -> int:
    """``sock``으로 온 응답의 상태 코드(머리만 읽는다). 응답이 없으면 0."""
    head = b""
    while b"\r\n" not in head:
        try:
            chunk = sock.recv(4096)
        except OSError:  # no answer in time, or the connection is gone
            break
        if not chunk:
            break
        head += chunk
    return int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0


def request_head(path: str, content_type: str, **headers: str) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Type: {content_type}"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


@pytest.mark.timeout(150)
@pytest.mark.points(2)
@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        pytest.param("/upload", "multipart/form-data; boundary=x", id="upload"),
        pytest.param("/items", "application/json", id="json"),
    ],
)
def test_a_declared_huge_body_is_413_before_a_byte_is_read(
    server: ServerProcess, path: str, content_type: str
) -> None:
    """`Content-Length`가 10 GiB인 요청은 본문을 보내기도 전에 `413`을 받는다."""
    with connect(server) as sock:
        sock.sendall(request_head(path, content_type, Content_Length=str(10 * 1024**3)))
        assert read_status(sock) == 413  # only the head was sent: nothing was waited for


@pytest.mark.timeout(150)
@pytest.mark.points(2)
def test_a_chunked_upload_is_cut_off_at_the_limit(
    server: ServerProcess, server_folder: Path
) -> None:
    """길이를 밝히지 않은(chunked) 200 MiB 업로드는 한도를 넘는 순간 `413`으로 끊긴다."""
    stored_before = stored_uploads(server_folder)
    boundary = "x" + uuid.uuid4().hex
    first = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    chunk = b"\0" * (64 * 1024)
    status: list[int] = []
    sent = 0
    with connect(server) as sock:
        sock.sendall(
            request_head(
                "/upload",
                f"multipart/form-data; boundary={boundary}",
                Transfer_Encoding="chunked",
            )
        )
        reader = threading.Thread(target=lambda: status.append(read_status(sock)), daemon=True)
        reader.start()
        try:
            for body in [first] + [chunk] * (200 * 16):  # 200 MiB, if nobody stops it
                if status:
                    break
                sock.sendall(f"{len(body):x}\r\n".encode() + body + b"\r\n")
                sent += len(body)
        except OSError:
            pass  # the server closed the connection: it read no more
        reader.join(timeout=ANSWER_WAIT)
    assert status == [413]
    # What the client got out before the answer: the limit plus what socket buffers hold.
    assert sent < 24 * 1024 * 1024
    assert stored_uploads(server_folder) == stored_before  # nothing of it was kept


@pytest.mark.points(1)
def test_a_json_body_over_its_limit_is_413_and_stores_nothing(client: TestClient) -> None:
    """`MAX_BODY_BYTES`보다 큰 JSON 본문은 `413`이고 아무것도 저장되지 않는다."""
    name = f"큰 본문 {uuid.uuid4().hex[:8]}"
    body = {"name": name, "price": 1000, "padding": "x" * (1024 * 1024)}
    response = client.post("/items", json=body)
    assert response.status_code == 413
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    assert detail, "a 413 says why in `detail`"
    listed = client.get("/items", params={"size": 100}).json()
    assert name not in {item["name"] for item in listed}


@pytest.mark.points(1)
def test_a_rejected_value_is_echoed_only_in_part(client: TestClient) -> None:
    """`422`는 거절한 값을 통째로 돌려주지 않고 앞부분 100자만 보여 준다."""
    response = client.post("/items", json={"name": "가" * 5000, "price": 1000})
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["body", "name"]
    assert error["input"].startswith("가" * 50)
    assert len(error["input"]) <= 101
    assert len(response.content) < 2000


@pytest.mark.timeout(150)
@pytest.mark.points(3)
def test_simultaneous_sign_ups_for_one_name_are_one_201_and_409s(
    server: ServerProcess,
) -> None:
    """같은 이름으로 동시에 보낸 가입 8건은 `201` 하나와 `409` 일곱이고, `5xx`는 없다."""
    username = f"race_{uuid.uuid4().hex[:8]}"
    body = {"username": username, "password": PASSWORD}
    log_offset = server.log_path.stat().st_size
    answers = post_at_once(server, "/users", [body] * 8)
    codes = sorted(r.status_code for r in answers)
    assert codes == [201] + [409] * 7, [(r.status_code, r.text[:200]) for r in answers]
    details = [r.json()["detail"] for r in answers if r.status_code == 409]
    assert all(isinstance(detail, str) and detail for detail in details), details
    # Neither the password nor its hash reaches the server's log, whichever request won.
    log = log_since(server, log_offset)
    assert PASSWORD not in log
    assert "$argon2" not in log
    assert "Traceback" not in log
