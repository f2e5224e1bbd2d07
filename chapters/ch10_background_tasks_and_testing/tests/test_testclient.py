"""교재 3절: 표에 나온 ``TestClient``의 모든 메서드와 모든 요청 옵션
(JSON 본문, 쿼리 파라미터, 헤더, 폼 데이터, 파일 업로드).
"""

import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from .conftest import SAMPLE_PASSWORD, all_listed


class TestMethods:
    """주요 메서드: ``get``, ``post``, ``put``, ``patch``, ``delete``."""

    def test_the_texts_first_example(self, client: TestClient) -> None:
        """교재의 첫 예제: `POST /items`는 201이고, 만든 아이템을 id로 `GET`할 수 있다.

        교재는 ``/items/1``(새 DB의 첫 아이템)을 읽지만, 여기서는 POST가 돌려준 id를 쓴다.
        그래야 풀이 자신의 상태에서도 맞는다.
        """
        # POST 요청 테스트
        response = client.post("/items", json={"name": "새 아이템", "price": 1000})
        assert response.status_code == 201
        item_id = response.json()["id"]
        # GET 요청 테스트
        response = client.get(f"/items/{item_id}")
        assert response.status_code == 200
        assert response.json()["id"] == item_id

    def test_get(self, client: TestClient, sample_item) -> None:
        """`client.get("/items")`는 200이고, 만든 아이템이 목록에 있다."""
        item_id = client.post("/items", json=sample_item).json()["id"]
        response = client.get("/items")
        assert response.status_code == 200
        assert {"id": item_id, **sample_item} in all_listed(client)

    def test_post(self, client: TestClient, sample_item) -> None:
        """`client.post("/items", json=...)`는 201과 id가 붙은 아이템을 돌려주고, 저장한다."""
        response = client.post("/items", json=sample_item)
        assert response.status_code == 201
        created = {"id": response.json()["id"], **sample_item}
        assert response.json() == created
        assert client.get(f"/items/{created['id']}").json() == created

    def test_put(self, client: TestClient, sample_item) -> None:
        """`client.put()`은 아이템 전체를 바꾸고 바뀐 아이템을 돌려준다."""
        item_id = client.post("/items", json=sample_item).json()["id"]
        response = client.put(f"/items/{item_id}", json={"name": "전체 수정", "price": 7000})
        assert response.status_code == 200
        assert response.json() == {"id": item_id, "name": "전체 수정", "price": 7000}
        assert client.get(f"/items/{item_id}").json()["name"] == "전체 수정"

    def test_patch(self, client: TestClient, sample_item) -> None:
        """`client.patch()`는 보낸 필드만 바꾸고 나머지는 그대로 둔다."""
        item_id = client.post("/items", json=sample_item).json()["id"]
        response = client.patch(f"/items/{item_id}", json={"price": 6000})
        assert response.status_code == 200
        assert response.json() == {"id": item_id, "name": sample_item["name"], "price": 6000}

    def test_delete(self, client: TestClient, sample_item) -> None:
        """`client.delete()`는 본문 없는 204이고, 지운 아이템은 404가 된다."""
        item_id = client.post("/items", json=sample_item).json()["id"]
        response = client.delete(f"/items/{item_id}")
        assert response.status_code == 204
        assert response.content == b""
        assert client.get(f"/items/{item_id}").status_code == 404
        assert item_id not in [item["id"] for item in all_listed(client)]


class TestRequestOptions:
    """요청 옵션: ``json=``, ``params=``, ``headers=``, ``data=``, ``files=``."""

    def test_json_body(self, client: TestClient) -> None:
        """`json=`으로 보낸 본문으로 아이템이 만들어진다."""
        response = client.post("/items", json={"name": "test", "price": 0})
        assert response.status_code in (200, 201)  # 201 itself: test_post
        assert response.json()["name"] == "test"

    @pytest.mark.points(2)
    def test_query_params_page_and_size(self, client: TestClient) -> None:
        """`params={"page": ..., "size": ...}`로 목록을 페이지로 나눠 받는다(기본값 1쪽, 10개).

        새 DB라면 아이템 25개가 1-3쪽(10, 10, 5)이고 4쪽은 비어 있다. 풀이 자신의 상태에서는
        목록의 마지막 25개다.
        """
        before = len(all_listed(client))
        tag = uuid.uuid4().hex[:8]
        for number in range(1, 26):
            client.post("/items", json={"name": f"아이템 {tag} {number}", "price": number})
        total = before + 25
        last_page = (total + 9) // 10
        pages = [
            client.get("/items", params={"page": page, "size": 10}).json()
            for page in range(1, last_page + 2)
        ]
        assert [len(page) for page in pages] == [10] * (last_page - 1) + [
            total - 10 * (last_page - 1),
            0,  # past the last page: an empty list
        ]
        listed = [item for page in pages for item in page]
        assert [item["price"] for item in listed[before:]] == list(range(1, 26))
        assert all(tag in item["name"] for item in listed[before:])
        assert client.get("/items").json() == pages[0]  # defaults: page 1, size 10

    @pytest.mark.points(2)
    def test_headers_bearer_token(self, client: TestClient, sample_user: str, auth_headers) -> None:
        """`headers=`로 Bearer 토큰을 보내면 `/protected`가 200과 사용자 이름을 돌려준다."""
        response = client.get("/protected", headers=auth_headers)
        assert response.status_code == 200
        assert sample_user in response.json()["message"]

    @pytest.mark.points(2)
    def test_form_data_login(self, client: TestClient, sample_user: str) -> None:
        """`data=`로 폼을 보내 로그인하면 토큰을 받고, 그 토큰으로 `/protected`에 들어간다."""
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
        """`files=`로 연 파일을 올리면 201이고, 처리 결과(크기, 줄 수)를 조회할 수 있다."""
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
