"""모든 응답이 ``/openapi.json``에 있다: ``nox -s fuzz``가 찾은 회귀.

업로드의 413·415, 다운로드의 404, multipart의 400이 빠졌고, 빈 파일의 422는 모양이 달랐다.
"""

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from .support import MAX_UPLOAD, PNG, files_under


def documented(client: TestClient, method: str, path: str) -> dict[str, Any]:
    """``/openapi.json``이 한 경로 처리에 대해 적어 둔 응답, 상태 코드별로."""
    return client.get("/openapi.json").json()["paths"][path][method]["responses"]


@pytest.mark.parametrize(("path", "field"), [("/upload", "file"), ("/uploads", "files")])
def test_a_refused_type_is_a_documented_415(
    tmp_client: TestClient, upload_dir: Path, path: str, field: str
) -> None:
    """허용되지 않은 형식의 415는 `/openapi.json`에 있고, 아무것도 저장되지 않는다."""
    response = tmp_client.post(path, files={field: ("page.html", b"<html></html>", "text/html")})
    assert response.status_code == 415
    assert "415" in documented(tmp_client, "post", path)
    assert files_under(upload_dir) == []


def test_a_file_past_the_limit_is_a_documented_413(
    tmp_client: TestClient, upload_dir: Path
) -> None:
    """파일 한도를 넘은 413은 `/openapi.json`에 있고, 아무것도 저장되지 않는다."""
    big = ("big.txt", b"a" * (MAX_UPLOAD + 1), "text/plain")
    response = tmp_client.post("/upload", files={"file": big})
    assert response.status_code == 413
    assert "413" in documented(tmp_client, "post", "/upload")
    assert files_under(upload_dir) == []


@pytest.mark.parametrize("path", ["/forms/contact", "/forms/profile"])
def test_a_form_past_the_request_limit_is_a_documented_413(
    client: TestClient, request_limit: int, path: str
) -> None:
    """요청 한도를 넘은 폼의 413은 `/openapi.json`에 있다."""
    response = client.post(path, content=b"m" * (request_limit + 1))
    assert response.status_code == 413
    assert "413" in documented(client, "post", path)


@pytest.mark.parametrize("path", ["/upload", "/uploads", "/forms/contact", "/forms/profile"])
def test_a_broken_multipart_body_is_a_documented_400(
    tmp_client: TestClient, upload_dir: Path, path: str
) -> None:
    """읽을 수 없는 multipart 본문의 400은 `/openapi.json`에 있고, 아무것도 저장되지 않는다."""
    response = tmp_client.post(
        path,
        content=b"--xyz\r\n\x12\nnot a part--xyz--\r\n",
        headers={"Content-Type": "multipart/form-data; boundary=xyz"},
    )
    assert response.status_code == 400
    assert response.json()["detail"]
    assert "400" in documented(tmp_client, "post", path)
    assert files_under(upload_dir) == []


@pytest.mark.parametrize(("path", "field"), [("/upload", "file"), ("/uploads", "files")])
def test_an_empty_file_is_a_422_in_the_documented_shape(
    tmp_client: TestClient, upload_dir: Path, path: str, field: str
) -> None:
    """빈 파일의 422는 FastAPI가 문서에 적은 모양이고, 묶음에서는 앞 파일도 남지 않는다.

    묶음에서 빈 파일은 두 번째로 온다: 첫 파일이 남아 있으면 안 된다.
    """
    empty = (field, ("empty.txt", b"", "text/plain"))
    files = [(field, ("a.png", PNG, "image/png")), empty] if field == "files" else [empty]
    response = tmp_client.post(path, files=files)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == (["body", "files", 1] if field == "files" else ["body", "file"])
    assert error["type"] == "empty_file"
    assert isinstance(error["msg"], str)
    schema = documented(tmp_client, "post", path)["422"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/HTTPValidationError"}
    assert files_under(upload_dir) == []


def test_an_unknown_file_is_a_documented_404(client: TestClient) -> None:
    """없는 파일의 404는 `/openapi.json`에 있다."""
    response = client.get(f"/files/{'0' * 32}.png")
    assert response.status_code == 404
    assert "404" in documented(client, "get", "/files/{file_id}")


def test_a_download_is_documented_with_its_media_type(client: TestClient) -> None:
    """다운로드의 200은 JSON이 아니라 나올 수 있는 미디어 타입 네 가지로 문서에 있다."""
    stored = client.post("/upload", files={"file": ("a.png", PNG, "image/png")}).json()
    response = client.get(stored["download_url"])
    assert response.status_code == 200
    content = documented(client, "get", "/files/{file_id}")["200"]["content"]
    assert response.headers["content-type"] in content
    assert {"image/png", "image/jpeg", "application/pdf", "text/plain"} <= set(content)
    assert "application/json" not in content
