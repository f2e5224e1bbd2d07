"""챕터 9: ``MAX_REQUEST_BYTES``를 넘는 요청 본문은 엔드포인트가 읽기 전에 413으로 거절된다.

알린 ``Content-Length``는 한 바이트도 읽지 않고, chunked 본문은 들어오는 대로 거절한다.
"""

from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from .support import TEXT, files_under

BOUNDARY = "chapter9boundary"
TEN_GIB = 10 * 1024**3


def multipart(content: bytes) -> bytes:
    return (
        (
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="file"; filename="big.txt"\r\n'
            "Content-Type: text/plain\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )


def upload_scope(content_length: int | None) -> dict:
    """서버가 앱에 넘겨줄 모양 그대로의 ASGI ``POST /upload``."""
    headers = [
        (b"host", b"testserver"),
        (b"content-type", f"multipart/form-data; boundary={BOUNDARY}".encode()),
    ]
    if content_length is not None:
        headers.append((b"content-length", str(content_length).encode()))
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/upload",
        "raw_path": b"/upload",
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }


@pytest.mark.points(3)
@pytest.mark.anyio
async def test_a_declared_huge_body_is_refused_without_reading_it(
    app: FastAPI, own_uploads: None, upload_dir: Path
) -> None:
    """10 GiB라고 알린 요청은 본문을 한 바이트도 읽지 않고 413을 받는다.

    ASGI로 곧장 보낸다: 앱은 10 GiB가 온다는 말을 듣고, 그것을 달라고 하면 안 된다.
    앱의 한도가 얼마든 10 GiB는 넘고, 읽지 않은 본문은 저장될 수 없다.
    """
    body_reads = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal body_reads
        body_reads += 1
        return {"type": "http.request", "body": b"x" * 65536, "more_body": True}

    async def send(message: dict) -> None:
        sent.append(message)

    await app(upload_scope(TEN_GIB), receive, send)
    assert sent[0]["type"] == "http.response.start"
    assert sent[0]["status"] == 413
    assert body_reads == 0
    assert files_under(upload_dir) == []


@pytest.mark.anyio
async def test_a_client_that_disconnects_mid_upload_leaves_nothing(
    app: FastAPI, test_settings: Any, upload_dir: Path
) -> None:
    """업로드 도중 연결을 끊은 클라이언트는 4xx를 받고 업로드 폴더에는 아무것도 남지 않는다."""
    messages = iter(
        [
            {"type": "http.request", "body": multipart(b"a" * 100)[:80], "more_body": True},
            {"type": "http.disconnect"},
        ]
    )
    sent: list[dict] = []

    async def receive() -> dict:
        return next(messages)

    async def send(message: dict) -> None:
        sent.append(message)

    await app(upload_scope(None), receive, send)
    assert 400 <= sent[0]["status"] < 500  # nobody is listening, but it is not a crash
    assert files_under(upload_dir) == []


@pytest.mark.points(2)
def test_a_chunked_body_over_the_limit_is_413_and_not_stored(
    tmp_client: TestClient, upload_dir: Path, request_limit: int
) -> None:
    """길이를 알리지 않은(chunked) 본문도 한도를 넘으면 413이고 저장되지 않는다.

    작은 파일 하나 뒤에 512 KiB짜리 폼 필드가 이어진다: 파일 한도도, 필드 한도도 걸리지 않으니
    본문 전체를 세는 미들웨어만 413으로 답할 수 있다.
    """
    filler = b"f" * (512 * 1024)
    count = request_limit // len(filler) + 2  # together, past the request limit
    parts = [
        (
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="file"; filename="small.txt"\r\n'
            "Content-Type: text/plain\r\n\r\n"
        ).encode()
        + TEXT
        + b"\r\n",
        *(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="filler{i}"\r\n\r\n'.encode()
            + filler
            + b"\r\n"
            for i in range(count)
        ),
        f"--{BOUNDARY}--\r\n".encode(),
    ]

    def chunks():  # a generator: no Content-Length, the body is counted as it comes
        yield from parts

    response = tmp_client.post(
        "/upload",
        content=chunks(),
        headers={"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"},
    )
    assert response.status_code == 413
    assert response.json()["detail"]
    assert files_under(upload_dir) == []


@pytest.mark.points(2)
def test_the_limit_covers_every_route_not_only_uploads(
    client: TestClient, request_limit: int
) -> None:
    """폼 라우트에도 본문 한도가 적용된다: 한도를 넘는 폼은 검증 전에 413이다.

    필드에 비해 너무 긴 폼은 검증 전에 미들웨어에서 413을 받는다.
    """
    data = {"name": "a", "email": "a@example.com", "message": "m" * request_limit}
    refused = client.post("/forms/contact", data=data)
    assert refused.status_code == 413
    assert refused.json()["detail"]
    small = client.post("/forms/contact", data={**data, "message": "m" * 1001})
    assert small.status_code == 422  # under the limit: the field's own max_length answers
