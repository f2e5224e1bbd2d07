"""챕터 9: ``GET /files/{file_id}``는 저장된 파일을 돌려준다.

id를 검증하므로 어떤 id도 업로드 폴더 밖에 닿지 못한다.
"""

import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from .support import PDF, PNG, TEXT

SECRET = b"top secret: must never be served"


@pytest.fixture
def secret_beside_uploads(tmp_path: Path, upload_dir: Path) -> Path:
    """업로드 폴더 안과 옆의 비밀 파일(폴더는 여기서 만든다: 업로드는 다른 테스트가 채점한다)."""
    upload_dir.mkdir(parents=True, exist_ok=True)
    (upload_dir / "secret.txt").write_bytes(SECRET)
    (tmp_path / "secret.txt").write_bytes(SECRET)
    return tmp_path / "secret.txt"


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        pytest.param("a.png", PNG, "image/png", id="png"),
        pytest.param("b.pdf", PDF, "application/pdf", id="pdf"),
        pytest.param("c.txt", TEXT, "text/plain", id="text"),
    ],
)
def test_a_stored_file_downloads_byte_for_byte(
    client: TestClient, name: str, content: bytes, content_type: str
) -> None:
    """올린 파일을 내려받으면 바이트, 형식, `attachment`와 `nosniff` 헤더가 그대로 온다."""
    file_id = client.post("/upload", files={"file": (name, content, content_type)}).json()["id"]
    response = client.get(f"/files/{file_id}")
    assert response.status_code == 200
    assert response.content == content
    assert response.headers["content-type"].split(";")[0] == content_type
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.points(2)
def test_an_unknown_id_is_404(client: TestClient) -> None:
    """없는 id를 내려받으면 404다."""
    response = client.get(f"/files/{uuid.uuid4().hex}.png")
    assert response.status_code == 404
    assert response.json()["detail"]


@pytest.mark.points(1)
def test_a_name_that_is_not_an_id_is_422(client: TestClient) -> None:
    """id 모양이 아닌 이름(`secret.txt`, `abc`)은 파일을 찾기 전에 422다."""
    for name in ("secret.txt", "abc"):
        response = client.get(f"/files/{name}")
        assert response.status_code == 422, name
        assert isinstance(response.json()["detail"], list)  # FastAPI's 422 shape


@pytest.mark.parametrize(
    "file_id",
    [
        "secret.txt",  # exists in the upload folder, but is not an id we made
        "..%2Fsecret.txt",
        "..%2F..%2Fetc%2Fpasswd",
        "%2Fetc%2Fpasswd",
        "..%5Csecret.txt",
        "%2E%2E%2Fsecret.txt",
        "..",
        pytest.param(f"{'0' * 32}.txt%2F..%2F..%2Fsecret.txt", id="id-then-traversal"),
    ],
)
def test_an_id_cannot_reach_other_files(
    tmp_client: TestClient, secret_beside_uploads: Path, file_id: str
) -> None:
    """`../` 같은 id로는 업로드 폴더 안팎의 다른 파일을 받을 수 없다(404 또는 422).

    ``secret.txt``는 이 테스트의 업로드 폴더 안과 옆에 있다: 테스트에는 그 폴더가 필요하다.
    """
    response = tmp_client.get(f"/files/{file_id}")
    assert response.status_code in (404, 422)
    assert response.json()["detail"]
    assert SECRET not in response.content


@pytest.mark.points(1)
def test_a_stored_file_of_an_unknown_extension_is_sent_as_octet_stream(
    tmp_client: TestClient, upload_dir: Path
) -> None:
    """확장자를 모르는 저장 파일도 500이 아니라 `application/octet-stream` 첨부 파일로 온다."""
    upload_dir.mkdir(parents=True, exist_ok=True)
    file_id = f"{uuid.uuid4().hex}.bin"  # the id pattern allows it; no upload makes it
    (upload_dir / file_id).write_bytes(b"\x00\x01 raw bytes")
    response = tmp_client.get(f"/files/{file_id}")
    assert response.status_code == 200
    assert response.content == b"\x00\x01 raw bytes"
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.headers["x-content-type-options"] == "nosniff"
