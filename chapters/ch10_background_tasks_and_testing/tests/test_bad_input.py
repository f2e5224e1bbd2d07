"""잘못된 입력: 500이 아니라 읽을 수 있는 ``detail``이 든 4xx를 받고,
아무것도 저장·발송·기록되지 않는다.
"""

from datetime import timedelta
from pathlib import Path

import jwt
import pytest
from fastapi.testclient import TestClient

from .conftest import SAMPLE_PASSWORD, Outbox, make_token, secret_key_of


def assert_rejected(response, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.json()["detail"], "a 4xx says why"


class TestNotificationInput:
    @pytest.mark.parametrize("email", ["not-an-email", "a@", "@b.co", "a b@c.co", ""])
    def test_invalid_email_is_422_and_nothing_is_sent(
        self, client: TestClient, email: str, count_rows, outbox: Outbox, audit_lines
    ) -> None:
        """잘못된 이메일 주소는 422이고, 저장·발송·감사 로그 모두 없다."""
        assert_rejected(client.post("/send-notification", params={"email": email}), 422)
        assert count_rows("notifications") == 0
        assert outbox.messages == []
        assert audit_lines() == []

    def test_missing_email_is_422(self, client: TestClient, count_rows) -> None:
        """이메일 없이 알림을 요청하면 422이고 아무것도 저장되지 않는다."""
        assert_rejected(client.post("/send-notification"), 422)
        assert count_rows("notifications") == 0

    def test_unknown_notification_is_404(self, client: TestClient) -> None:
        """없는 알림을 조회하면 404와 `detail`을 돌려준다."""
        assert_rejected(client.get("/notifications/99999"), 404)


class TestItemInput:
    @pytest.mark.parametrize(
        "body",
        [
            {"name": "음수 가격", "price": -1},
            {"name": "가격 없음"},
            {"price": 1000},
            {"name": "", "price": 1000},
            {"name": "문자 가격", "price": "천원"},
            {"name": "소수 가격", "price": 10.5},
        ],
        ids=["negative-price", "missing-price", "missing-name", "empty-name", "text", "fraction"],
    )
    def test_invalid_item_is_422_and_nothing_is_stored(
        self, client: TestClient, body: dict, count_rows, audit_lines
    ) -> None:
        """잘못된 아이템(음수·소수·문자 가격, 빈 이름, 빠진 필드)은 422이고 저장되지 않는다."""
        assert_rejected(client.post("/items", json=body), 422)
        assert count_rows("items") == 0
        assert audit_lines() == []

    @pytest.mark.parametrize(
        "patch", [{"price": -5}, {"name": None}, {"price": None}], ids=["negative", "null", "null2"]
    )
    def test_invalid_update_is_422_and_the_item_is_unchanged(
        self, client: TestClient, sample_item, patch: dict
    ) -> None:
        """잘못된 수정(음수 가격, null)은 422이고 아이템은 그대로다."""
        item_id = client.post("/items", json=sample_item).json()["id"]
        assert_rejected(client.patch(f"/items/{item_id}", json=patch), 422)
        assert_rejected(client.put(f"/items/{item_id}", json={**sample_item, **patch}), 422)
        assert client.get(f"/items/{item_id}").json() == {"id": item_id, **sample_item}

    @pytest.mark.parametrize("path", ["/items/abc", "/notifications/abc", "/uploads/1.5"])
    def test_non_numeric_id_is_422(self, client: TestClient, path: str) -> None:
        """숫자가 아닌 id는 422다."""
        assert_rejected(client.get(path), 422)

    @pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
    def test_unknown_item_is_404_and_nothing_is_stored(
        self, client: TestClient, method: str, sample_item, count_rows, audit_lines
    ) -> None:
        """없는 아이템의 조회·수정·삭제는 404이고 아무것도 저장되지 않는다."""
        body = sample_item if method in ("PUT", "PATCH") else None
        assert_rejected(client.request(method, "/items/99999", json=body), 404)
        assert count_rows("items") == 0
        assert audit_lines() == []

    @pytest.mark.parametrize(
        "params", [{"page": 0}, {"size": 0}, {"size": 101}, {"page": "x"}], ids=str
    )
    def test_bad_page_or_size_is_422(self, client: TestClient, params: dict) -> None:
        """잘못된 `page`나 `size`(0, 101, 문자)는 422다."""
        assert_rejected(client.get("/items", params=params), 422)


class TestAuthInput:
    @pytest.mark.parametrize(
        "headers",
        [{}, {"Authorization": "Bearer"}, {"Authorization": "Basic a2ltOnB3"}],
        ids=["no-header", "empty-bearer", "basic"],
    )
    def test_missing_token_is_401_with_www_authenticate(
        self, client: TestClient, headers: dict
    ) -> None:
        """토큰이 없거나 Bearer가 아니면 401과 `WWW-Authenticate: Bearer`를 돌려준다."""
        response = client.get("/protected", headers=headers)
        assert_rejected(response, 401)
        assert response.headers["www-authenticate"] == "Bearer"

    @pytest.mark.points(2)
    def test_forged_token_is_401(self, client: TestClient, sample_user: str) -> None:
        """위조되거나 깨진 토큰은 401이다."""
        forged = jwt.encode(
            {"sub": sample_user, "exp": 4102444800}, "x" * 32 + "not the server's key", "HS256"
        )
        for token in (forged, "not.a.jwt", forged[:-4] + "AAAA"):
            response = client.get("/protected", headers={"Authorization": f"Bearer {token}"})
            assert_rejected(response, 401)
            assert response.headers["www-authenticate"] == "Bearer"

    def test_expired_token_is_401(self, client: TestClient, sample_user: str, settings) -> None:
        """만료된 토큰은 401이다."""
        expired = make_token(settings, sample_user, timedelta(minutes=-1))
        response = client.get("/protected", headers={"Authorization": f"Bearer {expired}"})
        assert_rejected(response, 401)

    def test_token_of_an_unknown_user_is_401(self, client: TestClient, settings) -> None:
        """없는 사용자의 토큰은 401이다."""
        token = make_token(settings, "ghost", timedelta(minutes=5))
        assert_rejected(client.get("/protected", headers={"Authorization": f"Bearer {token}"}), 401)

    def test_token_without_exp_is_401(self, client: TestClient, sample_user: str, settings) -> None:
        """`exp`가 없는 토큰은 401이다."""
        token = jwt.encode({"sub": sample_user}, secret_key_of(settings), algorithm="HS256")
        assert_rejected(client.get("/protected", headers={"Authorization": f"Bearer {token}"}), 401)

    @pytest.mark.parametrize(
        "form",
        [
            {"username": None, "password": "wrong password"},  # None: the sample user's name
            {"username": "nobody", "password": "x"},
        ],
        ids=["wrong-password", "unknown-user"],
    )
    def test_wrong_login_is_401(self, client: TestClient, sample_user: str, form: dict) -> None:
        """틀린 비밀번호나 없는 사용자로 로그인하면 401이고 토큰을 주지 않는다."""
        form = {**form, "username": form["username"] or sample_user}
        response = client.post("/login", data=form)
        assert_rejected(response, 401)
        assert response.headers["www-authenticate"] == "Bearer"
        assert "access_token" not in response.json()

    def test_login_with_json_instead_of_form_is_422(
        self, client: TestClient, sample_user: str
    ) -> None:
        """`/login`에 폼 대신 JSON을 보내면 422다."""
        response = client.post(
            "/login", json={"username": sample_user, "password": SAMPLE_PASSWORD}
        )
        assert_rejected(response, 422)

    def test_cleanup_needs_a_token(self, client: TestClient, audit_lines) -> None:
        """정리 작업은 토큰 없이 부르면 401이고 감사 로그도 남지 않는다."""
        assert_rejected(client.post("/maintenance/cleanup"), 401)
        assert audit_lines() == []


class TestUserInput:
    @pytest.mark.parametrize(
        "body",
        [
            {"username": "kim"},
            {"username": "kim", "password": "short"},
            {"username": "a", "password": "long enough"},
            {"username": "../etc", "password": "long enough"},
        ],
        ids=["no-password", "short-password", "short-name", "bad-characters"],
    )
    def test_invalid_user_is_422_and_nothing_is_stored(
        self, client: TestClient, body: dict, count_rows
    ) -> None:
        """잘못된 사용자(짧은 이름·비밀번호, 금지 문자)는 422이고 저장되지 않는다."""
        assert_rejected(client.post("/users", json=body), 422)
        assert count_rows("users") == 0

    def test_taken_username_is_409_and_nothing_is_stored(
        self, client: TestClient, sample_user: str, count_rows, audit_lines
    ) -> None:
        """이미 있는 사용자 이름은 409이고 아무것도 저장되지 않는다."""
        body = {"username": sample_user, "password": "another password"}
        assert_rejected(client.post("/users", json=body), 409)
        assert count_rows("users") == 1
        assert audit_lines() == []


class TestUploadInput:
    @pytest.mark.points(2)
    def test_oversized_upload_is_413_and_nothing_is_stored(
        self, client: TestClient, overrides: dict, get_settings, settings, count_rows
    ) -> None:
        """한도보다 큰 파일은 413이고 아무것도 저장되지 않는다(한도와 같은 크기는 된다)."""
        small = settings.model_copy(update={"max_upload_bytes": 1024})
        overrides[get_settings] = lambda: small
        response = client.post("/upload", files={"file": ("big.bin", b"x" * 1025, "text/plain")})
        assert_rejected(response, 413)
        assert count_rows("uploads") == 0
        folder = Path(settings.upload_dir)
        assert not folder.exists() or list(folder.iterdir()) == []
        # exactly at the limit is fine
        response = client.post("/upload", files={"file": ("ok.bin", b"x" * 1024, "text/plain")})
        assert response.status_code == 201

    @pytest.mark.parametrize(
        "filename", ["../evil.txt", "../../etc/passwd", "a/../../b.txt", "..\\evil.txt", ".."]
    )
    def test_file_name_with_a_path_is_400_and_nothing_is_stored(
        self, client: TestClient, filename: str, settings, tmp_path: Path, count_rows
    ) -> None:
        """경로가 든 파일 이름은 400이고 어떤 파일도 저장되지 않는다."""
        response = client.post("/upload", files={"file": (filename, b"data", "text/plain")})
        assert_rejected(response, 400)
        assert count_rows("uploads") == 0
        folder = Path(settings.upload_dir)
        assert not folder.exists() or list(folder.iterdir()) == []
        escaped = [p.name for p in tmp_path.iterdir() if p.name != "test.db"]  # the SQLite file
        assert escaped == []  # nothing written outside the upload folder

    def test_missing_file_is_422(self, client: TestClient, count_rows) -> None:
        """파일 없이 업로드하면 422다."""
        assert_rejected(client.post("/upload", data={"file": "not a file"}), 422)
        assert count_rows("uploads") == 0

    def test_unknown_upload_is_404(self, client: TestClient) -> None:
        """없는 업로드를 조회하면 404다."""
        assert_rejected(client.get("/uploads/99999"), 404)
