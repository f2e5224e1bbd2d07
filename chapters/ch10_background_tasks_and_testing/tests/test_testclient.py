"""Section 3 of the course text: ``TestClient`` with every method of its table and every request
option it shows (JSON body, query parameters, headers, form data, file upload)."""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from .conftest import SAMPLE_PASSWORD, SAMPLE_USERNAME


class TestMethods:
    """주요 메서드: ``get``, ``post``, ``put``, ``patch``, ``delete``."""

    def test_the_texts_first_example(self, client: TestClient) -> None:
        # POST 요청 테스트
        response = client.post("/items", json={"name": "새 아이템", "price": 1000})
        assert response.status_code == 201
        # GET 요청 테스트 (a fresh test database: the first item gets id 1)
        response = client.get("/items/1")
        assert response.status_code == 200
        assert response.json()["id"] == 1

    def test_get(self, client: TestClient, sample_item) -> None:
        item_id = client.post("/items", json=sample_item).json()["id"]
        response = client.get("/items")
        assert response.status_code == 200
        assert response.json() == [{"id": item_id, **sample_item}]

    def test_post(self, client: TestClient, sample_item, count_rows) -> None:
        response = client.post("/items", json=sample_item)
        assert response.status_code == 201
        assert response.json() == {"id": response.json()["id"], **sample_item}
        assert count_rows("items") == 1

    def test_put(self, client: TestClient, sample_item) -> None:
        item_id = client.post("/items", json=sample_item).json()["id"]
        response = client.put(f"/items/{item_id}", json={"name": "전체 수정", "price": 7000})
        assert response.status_code == 200
        assert response.json() == {"id": item_id, "name": "전체 수정", "price": 7000}
        assert client.get(f"/items/{item_id}").json()["name"] == "전체 수정"

    def test_patch(self, client: TestClient, sample_item) -> None:
        item_id = client.post("/items", json=sample_item).json()["id"]
        response = client.patch(f"/items/{item_id}", json={"price": 6000})
        assert response.status_code == 200
        assert response.json() == {"id": item_id, "name": sample_item["name"], "price": 6000}

    def test_delete(self, client: TestClient, sample_item, count_rows) -> None:
        item_id = client.post("/items", json=sample_item).json()["id"]
        response = client.delete(f"/items/{item_id}")
        assert response.status_code == 204
        assert response.content == b""
        assert client.get(f"/items/{item_id}").status_code == 404
        assert count_rows("items") == 0


class TestRequestOptions:
    """요청 옵션: ``json=``, ``params=``, ``headers=``, ``data=``, ``files=``."""

    def test_json_body(self, client: TestClient) -> None:
        response = client.post("/items", json={"name": "test", "price": 0})
        assert response.status_code == 201
        assert response.json()["name"] == "test"

    @pytest.mark.points(2)
    def test_query_params_page_and_size(self, client: TestClient) -> None:
        for number in range(1, 26):
            client.post("/items", json={"name": f"아이템 {number}", "price": number})
        page_one = client.get("/items", params={"page": 1, "size": 10}).json()
        page_three = client.get("/items", params={"page": 3, "size": 10}).json()
        assert [item["price"] for item in page_one] == list(range(1, 11))
        assert [item["price"] for item in page_three] == list(range(21, 26))
        assert client.get("/items", params={"page": 4, "size": 10}).json() == []
        assert len(client.get("/items").json()) == 10  # defaults: page 1, size 10

    @pytest.mark.points(2)
    def test_headers_bearer_token(self, client: TestClient, auth_headers) -> None:
        response = client.get("/protected", headers=auth_headers)
        assert response.status_code == 200
        assert SAMPLE_USERNAME in response.json()["message"]

    @pytest.mark.points(2)
    def test_form_data_login(self, client: TestClient, sample_user: str) -> None:
        response = client.post(
            "/login", data={"username": sample_user, "password": SAMPLE_PASSWORD}
        )
        assert response.status_code == 200
        token = response.json()
        assert token["token_type"] == "bearer"
        protected = client.get(
            "/protected", headers={"Authorization": f"Bearer {token['access_token']}"}
        )
        assert protected.status_code == 200

    @pytest.mark.points(2)
    def test_file_upload_from_an_open_file(
        self, client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        Path("test.txt").write_text("파일 업로드 테스트\n", encoding="utf-8")
        # 파일 업로드, exactly as the course text writes it
        with open("test.txt", "rb") as f:
            response = client.post("/upload", files={"file": ("test.txt", f, "text/plain")})
        assert response.status_code == 201
        assert response.json()["filename"] == "test.txt"
        processed = client.get(f"/uploads/{response.json()['id']}").json()
        assert processed["size"] == len("파일 업로드 테스트\n".encode())
        assert processed["line_count"] == 1
