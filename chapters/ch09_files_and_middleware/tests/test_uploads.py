"""챕터 9: ``POST /upload``와 ``POST /uploads``, 크기와 형식 한도 안에서 만든 이름으로 저장하고,
거절된 업로드는 아무것도 남기지 않는다.
"""

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from .support import ID_PATTERN, JPEG, MAX_UPLOAD, PDF, PNG, TEXT, files_under


@pytest.mark.points(3)
def test_one_file_is_stored_under_a_generated_name(
    tmp_client: TestClient, upload_dir: Path
) -> None:
    """파일 하나는 서버가 만든 이름으로 그 바이트 그대로 `UPLOAD_DIR`에 저장된다."""
    response = tmp_client.post(
        "/upload",
        files={"file": ("notes.txt", TEXT, "text/plain")},
        data={"description": "회의록"},
    )
    assert response.status_code == 201
    body = response.json()
    assert re.fullmatch(r"[0-9a-f]{32}\.txt", body["id"])
    assert body["original_name"] == "notes.txt"
    assert body["content_type"] == "text/plain"
    assert body["size"] == len(TEXT)
    assert body["description"] == "회의록"
    assert body["download_url"] == f"/files/{body['id']}"
    assert files_under(upload_dir) == [upload_dir / body["id"]]
    assert (upload_dir / body["id"]).read_bytes() == TEXT


def test_the_same_file_twice_gets_two_names(tmp_client: TestClient, upload_dir: Path) -> None:
    """같은 파일을 두 번 올리면 서로 다른 이름으로 두 파일이 저장된다."""
    ids = {
        tmp_client.post("/upload", files={"file": ("a.png", PNG, "image/png")}).json()["id"]
        for _ in range(2)
    }
    assert len(ids) == 2
    assert len(files_under(upload_dir)) == 2


@pytest.mark.parametrize(
    ("name", "content", "content_type", "extension"),
    [
        pytest.param("photo.exe", PNG, "image/png", ".png", id="png-named-exe"),
        pytest.param("scan", JPEG, "image/jpeg", ".jpg", id="jpeg-without-extension"),
        pytest.param("paper.PDF.sh", PDF, "application/pdf", ".pdf", id="pdf-named-sh"),
        pytest.param("readme.md", TEXT, "text/plain; charset=utf-8", ".txt", id="text-charset"),
    ],
)
def test_the_extension_comes_from_the_checked_type_not_the_name(
    client: TestClient, name: str, content: bytes, content_type: str, extension: str
) -> None:
    """저장 이름의 확장자는 파일 이름이 아니라 확인된 형식에서 나온다."""
    response = client.post("/upload", files={"file": (name, content, content_type)})
    assert response.status_code in (200, 201)  # the 201 is graded by the first test
    assert response.json()["id"].endswith(extension)


@pytest.mark.points(2)
def test_many_files_in_one_request(tmp_client: TestClient, upload_dir: Path) -> None:
    """`POST /uploads`는 한 요청의 여러 파일을 모두 저장하고 합계 크기를 돌려준다."""
    sent = [
        ("a.png", PNG, "image/png"),
        ("b.pdf", PDF, "application/pdf"),
        ("c.txt", TEXT, "text/plain"),
    ]
    response = tmp_client.post("/uploads", files=[("files", f) for f in sent])
    assert response.status_code == 201
    body = response.json()
    assert [f["original_name"] for f in body["files"]] == ["a.png", "b.pdf", "c.txt"]
    assert body["total_size"] == sum(len(content) for _, content, _ in sent)
    for entry, (_, content, _) in zip(body["files"], sent, strict=True):
        assert re.fullmatch(ID_PATTERN, entry["id"])
        assert (upload_dir / entry["id"]).read_bytes() == content
    assert len(files_under(upload_dir)) == 3


@pytest.mark.points(3)
def test_a_file_over_the_size_limit_is_413_and_not_stored(
    tmp_client: TestClient, upload_dir: Path
) -> None:
    """`MAX_UPLOAD_BYTES`를 1바이트 넘으면 413이고 아무것도 남지 않으며, 딱 한도까지는 받는다."""
    too_big = tmp_client.post(
        "/upload", files={"file": ("big.txt", b"a" * (MAX_UPLOAD + 1), "text/plain")}
    )
    assert too_big.status_code == 413
    assert too_big.json()["detail"]
    assert files_under(upload_dir) == []  # no partial file either
    exactly = tmp_client.post(
        "/upload", files={"file": ("max.txt", b"a" * MAX_UPLOAD, "text/plain")}
    )
    assert exactly.status_code in (200, 201)  # stored; the 201 is graded elsewhere


@pytest.mark.parametrize(
    "file",
    [
        pytest.param(
            ("page.html", b"<html><script>alert(1)</script></html>", "text/html"), id="html"
        ),
        pytest.param(("tool.exe", b"MZ\x90\x00", "application/octet-stream"), id="exe"),
        pytest.param(
            ("image.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/svg+xml"), id="svg"
        ),
    ],
)
def test_a_type_not_allowed_is_415_and_not_stored(
    tmp_client: TestClient, upload_dir: Path, file: tuple
) -> None:
    """허용되지 않은 형식(html, exe, svg)은 415이고 저장되지 않는다."""
    response = tmp_client.post("/upload", files={"file": file})
    assert response.status_code == 415
    assert response.json()["detail"]
    assert files_under(upload_dir) == []


@pytest.mark.parametrize(
    "file",
    [
        pytest.param(("fake.png", TEXT, "image/png"), id="text-called-png"),
        pytest.param(("fake.pdf", PNG, "application/pdf"), id="png-called-pdf"),
        pytest.param(("bin.txt", b"\xff\xfe\x00\x01", "text/plain"), id="binary-called-text"),
        pytest.param(("cut.txt", "끝".encode()[:2], "text/plain"), id="truncated-utf8"),
    ],
)
def test_content_that_does_not_match_its_type_is_415(
    tmp_client: TestClient, upload_dir: Path, file: tuple
) -> None:
    """선언한 형식과 내용이 다르면 415이고 저장되지 않는다."""
    response = tmp_client.post("/upload", files={"file": file})
    assert response.status_code == 415
    assert response.json()["detail"]
    assert files_under(upload_dir) == []


def test_an_empty_file_is_422(tmp_client: TestClient, upload_dir: Path) -> None:
    """빈 파일은 422이고 저장되지 않는다."""
    response = tmp_client.post("/upload", files={"file": ("empty.txt", b"", "text/plain")})
    assert response.status_code == 422
    assert response.json()["detail"]
    assert files_under(upload_dir) == []


@pytest.mark.points(2)
def test_many_files_are_all_or_nothing(tmp_client: TestClient, upload_dir: Path) -> None:
    """여러 파일 중 하나가 거절되면 먼저 저장된 파일도 모두 지워진다.

    세 번째 파일이 너무 크다: 그 앞에 저장된 두 파일이 다시 지워진다.
    """
    files = [
        ("files", ("a.png", PNG, "image/png")),
        ("files", ("b.txt", TEXT, "text/plain")),
        ("files", ("c.txt", b"c" * (MAX_UPLOAD + 1), "text/plain")),
    ]
    response = tmp_client.post("/uploads", files=files)
    assert response.status_code == 413
    assert response.json()["detail"]
    assert files_under(upload_dir) == []


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"data": {"description": "no file"}}, id="no-file"),
        pytest.param({"json": {"file": "notes.txt"}}, id="json-body"),
        pytest.param(
            {"files": {"file": ("a.txt", TEXT, "text/plain")}, "data": {"description": "x" * 201}},
            id="description-too-long",
        ),
        pytest.param({"files": {"upload": ("a.txt", TEXT, "text/plain")}}, id="wrong-field-name"),
    ],
)
def test_a_malformed_upload_is_422_and_not_stored(
    tmp_client: TestClient, upload_dir: Path, kwargs: dict
) -> None:
    """파일이 없거나 JSON이거나 설명이 너무 긴 업로드는 422이고 저장되지 않는다."""
    response = tmp_client.post("/upload", **kwargs)
    assert response.status_code == 422
    assert response.json()["detail"]
    assert files_under(upload_dir) == []


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "/abs/name", "..\\..\\evil.txt", "C:\\Windows\\win.ini", "..", "....//x"],
)
def test_a_file_name_cannot_escape_the_upload_folder(
    tmp_client: TestClient, tmp_path: Path, upload_dir: Path, name: str
) -> None:
    """`../../etc/passwd` 같은 파일 이름도 `UPLOAD_DIR` 밖에 저장되지 않는다."""
    response = tmp_client.post("/upload", files={"file": (name, TEXT, "text/plain")})
    assert response.status_code in (200, 201)  # the 201 is graded by the first test
    body = response.json()
    assert re.fullmatch(ID_PATTERN, body["id"])
    assert "/" not in body["original_name"]
    assert "\\" not in body["original_name"]
    # The only file anywhere under this test's folder is the new one, right in upload_dir.
    assert files_under(tmp_path) == [upload_dir / body["id"]]
