"""교재 2절의 활용 사례 표, 하나하나가 진짜 백그라운드 작업이다: 감사 로그, 업로드 처리,
캐시 갱신, 정리 작업(이메일은 ``test_notifications.py``).
"""

import hashlib
import os
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert, update

from .conftest import all_listed


def stored_files(settings) -> list[Path]:
    folder = Path(settings.upload_dir)
    return sorted(folder.iterdir()) if folder.is_dir() else []


class TestAuditLog:
    """로그 기록: 상태를 바꾸는 요청마다 JSON 한 줄을 응답 뒤에 쓴다."""

    @pytest.mark.points(2)
    def test_each_write_appends_one_line_after_the_response(
        self, client: TestClient, sample_item, audit_lines
    ) -> None:
        """쓰기 요청마다 감사 로그에 JSON 한 줄이 응답 뒤에 추가된다."""
        item_id = client.post("/items", json=sample_item).json()["id"]
        # TestClient waited for the tasks: the line is there as soon as it returns.
        [created] = audit_lines()
        assert created["method"] == "POST"
        assert created["path"] == "/items"
        assert datetime.fromisoformat(created["time"]).tzinfo is not None

        client.put(f"/items/{item_id}", json={"name": "새 이름", "price": 1})
        client.patch(f"/items/{item_id}", json={"price": 2})
        client.delete(f"/items/{item_id}")
        client.post("/users", json={"username": "lee", "password": "password-123"})
        assert [(e["method"], e["path"]) for e in audit_lines()] == [
            ("POST", "/items"),
            ("PUT", f"/items/{item_id}"),
            ("PATCH", f"/items/{item_id}"),
            ("DELETE", f"/items/{item_id}"),
            ("POST", "/users"),
        ]

    def test_reads_and_failed_requests_write_no_line(self, client: TestClient, audit_lines) -> None:
        """읽기 요청과 실패한 요청은 감사 로그에 아무것도 쓰지 않는다."""
        client.get("/items")
        client.get("/items/99999")  # 404: the route raised, its tasks never run
        client.post("/items", json={"name": "가격 없음"})  # 422
        assert audit_lines() == []


class TestUploadProcessing:
    """데이터 처리: 업로드는 바로 저장하고, 크기·해시·줄 수는 뒤에 계산한다."""

    @pytest.mark.points(3)
    def test_text_upload_is_measured_in_the_background(self, client: TestClient, settings) -> None:
        """텍스트 업로드는 바로 저장되고, 크기·SHA-256·줄 수는 백그라운드에서 계산된다."""
        content = "첫째 줄\n둘째 줄\n셋째 줄".encode()
        response = client.post("/upload", files={"file": ("memo.txt", content, "text/plain")})
        assert response.status_code == 201
        upload_id = response.json()["id"]
        assert response.headers["location"].endswith(f"/uploads/{upload_id}")

        result = client.get(f"/uploads/{upload_id}").json()
        assert result["status"] == "done"
        assert result["filename"] == "memo.txt"
        assert result["size"] == len(content)
        assert result["sha256"] == hashlib.sha256(content).hexdigest()
        assert result["line_count"] == 3
        [stored] = stored_files(settings)
        assert stored.read_bytes() == content
        assert stored.name != "memo.txt"  # a generated name, not the client's

    def test_binary_upload_has_no_line_count(self, client: TestClient) -> None:
        """바이너리 파일은 크기는 재지만 줄 수는 `None`이다."""
        content = bytes(range(256)) * 4
        response = client.post(
            "/upload", files={"file": ("data.bin", content, "application/octet-stream")}
        )
        result = client.get(f"/uploads/{response.json()['id']}").json()
        assert result["status"] == "done"
        assert result["size"] == 1024
        assert result["line_count"] is None

    def test_same_name_twice_keeps_both_files(self, client: TestClient, settings) -> None:
        """같은 이름으로 두 번 올려도 두 파일이 모두 남는다."""
        for content in (b"one\n", b"two\n"):
            response = client.post("/upload", files={"file": ("same.txt", content, "text/plain")})
            assert response.status_code == 201
        assert sorted(path.read_bytes() for path in stored_files(settings)) == [b"one\n", b"two\n"]


class TestItemsCache:
    """캐시 갱신: ``GET /items``는 메모리에서 답하고, 쓰기마다 작업이 캐시를 새로 고친다."""

    @pytest.mark.points(2)
    def test_list_is_cached_until_a_write_refreshes_it(
        self, client: TestClient, solution: ModuleType, TestSessionLocal, sample_item
    ) -> None:
        """`GET /items` 목록은 캐시에서 나오고, 쓰기 뒤의 작업이 캐시를 갱신한다."""
        assert client.get("/items").json() == []  # loads the (empty) cache
        items = solution.Base.metadata.tables["items"]
        with TestSessionLocal() as db:  # a change behind the API's back
            db.execute(insert(items).values(name="몰래 넣은 아이템", price=1))
            db.commit()
        assert client.get("/items").json() == []  # still the cached list
        assert client.get("/items/1").json()["name"] == "몰래 넣은 아이템"  # single reads: the DB

        client.post("/items", json=sample_item)  # a write: its task refreshes the cache
        assert [item["name"] for item in client.get("/items").json()] == [
            "몰래 넣은 아이템",
            sample_item["name"],
        ]

    def test_every_kind_of_write_refreshes_the_list(self, client: TestClient, sample_item) -> None:
        """생성·수정·삭제 모두 바로 `GET /items` 목록에 반영된다."""

        def mine() -> list[dict]:
            return [item for item in all_listed(client) if item["id"] == item_id]

        item_id = client.post("/items", json=sample_item).json()["id"]
        assert mine() == [{"id": item_id, **sample_item}]
        client.put(f"/items/{item_id}", json={"name": "바뀐 이름", "price": 10})
        assert mine() == [{"id": item_id, "name": "바뀐 이름", "price": 10}]
        client.patch(f"/items/{item_id}", json={"price": 20})
        assert mine() == [{"id": item_id, "name": "바뀐 이름", "price": 20}]
        client.delete(f"/items/{item_id}")
        assert mine() == []


class TestCleanup:
    """정리 작업: 만료된 업로드와 그 파일, 떠도는 파일, 오래된 알림을 지운다."""

    @pytest.mark.points(3)
    def test_cleanup_deletes_only_what_has_expired(
        self, client: TestClient, auth_headers, solution: ModuleType, TestSessionLocal, settings
    ) -> None:
        """정리 작업은 만료된 업로드·파일·보낸 알림만 지우고, 새것과 보낼 알림은 남긴다."""
        uploads = {
            name: client.post(
                "/upload", files={"file": (f"{name}.txt", content, "text/plain")}
            ).json()["id"]
            for name, content in (("old", b"old upload\n"), ("new", b"new upload\n"))
        }
        notes = {
            name: client.post("/send-notification", params={"email": f"{name}@example.com"}).json()[
                "id"
            ]
            for name in ("old-sent", "old-pending", "new-sent")
        }
        # Age some rows as if they were a year old (and set their status where it matters).
        tables = solution.Base.metadata.tables
        old = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(days=365)
        with TestSessionLocal() as db:
            table = tables["uploads"]
            db.execute(update(table).where(table.c.id == uploads["old"]).values(created_at=old))
            table = tables["notifications"]
            for name, status in (("old-sent", "sent"), ("old-pending", "pending")):
                db.execute(
                    update(table)
                    .where(table.c.id == notes[name])
                    .values(status=status, created_at=old, updated_at=old)
                )
            db.commit()
        folder = Path(settings.upload_dir)
        (folder / "stray-old").write_bytes(b"left by a crash")
        (folder / "stray-new").write_bytes(b"being written right now")
        a_year_ago = time.time() - 365 * 24 * 3600
        os.utime(folder / "stray-old", (a_year_ago, a_year_ago))

        response = client.post("/maintenance/cleanup", headers=auth_headers)
        assert response.status_code == 202
        assert response.json()["message"]

        assert client.get(f"/uploads/{uploads['old']}").status_code == 404
        assert client.get(f"/uploads/{uploads['new']}").json()["status"] == "done"
        assert client.get(f"/notifications/{notes['old-sent']}").status_code == 404
        assert client.get(f"/notifications/{notes['old-pending']}").status_code == 200  # owed
        assert client.get(f"/notifications/{notes['new-sent']}").status_code == 200
        assert {path.read_bytes() for path in stored_files(settings)} == {
            b"new upload\n",
            b"being written right now",
        }

    def test_cleanup_without_uploads_folder_is_fine(
        self, client: TestClient, auth_headers, settings
    ) -> None:
        """업로드 폴더가 없어도 정리 작업은 202로 끝나고 폴더를 만들지 않는다."""
        assert not Path(settings.upload_dir).exists()
        response = client.post("/maintenance/cleanup", headers=auth_headers)
        assert response.status_code == 202
        assert not Path(settings.upload_dir).exists()
