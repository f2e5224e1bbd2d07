"""챕터 4: 사용자의 입력·출력·DB 모델, 비밀번호는 들어가기만 하고 나오지 않는다.

테스트는 앱 자신의 저장소 위에서 돌므로 저마다 자기만의 이름(``username``)으로 가입한다.
"""

from urllib.parse import urljoin
from uuid import uuid4

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pwdlib import PasswordHash

PASSWORD = "correct-horse-42"
PUBLIC_FIELDS = {"username", "email", "full_name"}


def body_for(username: str, **changes: object) -> dict:
    body = {"username": username, "email": f"{username}@example.com", "password": PASSWORD}
    return body | changes


def sign_up(client: TestClient, username: str, **changes: object) -> dict:
    """가입시키고 응답 본문을 돌려준다(201 자체는 그 테스트만 채점하므로 200도 받는다)."""
    response = client.post("/users", json=body_for(username, **changes))
    assert response.status_code in (200, 201), response.text
    return response.json()


def public(username: str) -> dict:
    """``body_for(username)``로 가입한 사용자의 공개 필드."""
    return {"username": username, "email": f"{username}@example.com", "full_name": None}


def usernames(client: TestClient) -> list[str]:
    response = client.get("/users")
    assert response.status_code == 200
    return [user["username"] for user in response.json()]


class TestPasswordNeverLeaves:
    """``/users``의 모든 응답은 공개 필드 그대로다: 비밀번호도 해시도, 다른 것도 없다."""

    @pytest.mark.points(2)
    def test_created_user_is_answered_without_password(
        self, client: TestClient, username: str
    ) -> None:
        """가입 응답은 공개 필드(`username`, `email`, `full_name`)뿐이고 비밀번호가 없다."""
        response = client.post("/users", json=body_for(username, full_name="앨리스"))
        assert response.status_code in (200, 201)  # the 201 is graded on its own
        assert response.json() == {
            "username": username,
            "email": f"{username}@example.com",
            "full_name": "앨리스",
        }
        assert "password" not in response.text

    @pytest.mark.points(2)
    def test_read_user_is_answered_without_password(
        self, client: TestClient, username: str
    ) -> None:
        """`GET /users/{username}` 응답은 공개 필드뿐이고 비밀번호도 해시도 없다."""
        sign_up(client, username)
        response = client.get(f"/users/{username}")
        assert response.status_code == 200
        assert response.json() == {
            "username": username,
            "email": f"{username}@example.com",
            "full_name": None,
        }
        assert "password" not in response.text

    @pytest.mark.points(2)
    def test_user_list_items_have_only_public_fields(
        self, client: TestClient, username: str
    ) -> None:
        """`GET /users`의 모든 사용자는 공개 필드만 가진다."""
        sign_up(client, username)
        sign_up(client, f"{username}_b")
        response = client.get("/users")
        assert response.status_code == 200
        users = response.json()
        assert {username, f"{username}_b"} <= {user["username"] for user in users}
        assert all(set(user) == PUBLIC_FIELDS for user in users)
        assert "password" not in response.text

    def test_schema_documents_answers_without_password(self, client: TestClient) -> None:
        """`/openapi.json`은 요청에만 `password`를 두고, 응답 모델에는 공개 필드만 적는다."""
        schema = client.get("/openapi.json").json()
        components = schema["components"]["schemas"]

        def body_of(method: str, path: str, status: str) -> dict:
            operation = schema["paths"][path][method]
            if status == "request":
                content = operation["requestBody"]["content"]
            else:  # a create documented as 200 loses its own test, not this one
                answers = operation["responses"]
                content = answers[status if status in answers else "200"]["content"]
            body = content["application/json"]["schema"]
            assert "$ref" in body, f"{method.upper()} {path} {status}: no model documented"
            return components[body["$ref"].rsplit("/", 1)[1]]

        assert "password" in body_of("post", "/users", "request")["required"]
        for method, path, status in [
            ("post", "/users", "201"),
            ("get", "/users/{username}", "200"),
        ]:
            assert set(body_of(method, path, status)["properties"]) == PUBLIC_FIELDS


class TestSignUp:
    @pytest.mark.points(2)
    def test_created_answers_201_with_location_of_the_user(
        self, client: TestClient, username: str
    ) -> None:
        """가입은 `201`과 그 사용자로 이어지는 `Location` 헤더로 답한다."""
        response = client.post("/users", json=body_for(username))
        assert response.status_code == 201
        location = urljoin(str(response.url), response.headers["location"])
        assert location == f"http://testserver/users/{username}"
        followed = client.get(location)
        assert followed.status_code == 200
        assert followed.json()["username"] == username

    @pytest.mark.points(2)
    def test_store_keeps_a_pwdlib_hash_not_the_password(
        self, client: TestClient, users_db: dict, username: str
    ) -> None:
        """저장소에는 비밀번호가 아니라 pwdlib로 검증되는 해시만 남는다."""
        sign_up(client, username)
        stored = users_db[username]
        assert stored.username == username
        assert not hasattr(stored, "password")
        assert PASSWORD not in stored.hashed_password
        assert PasswordHash.recommended().verify(PASSWORD, stored.hashed_password)
        assert not PasswordHash.recommended().verify("wrong-password", stored.hashed_password)

    def test_full_name_is_optional(self, client: TestClient, username: str) -> None:
        """`full_name` 없이 가입하면 `full_name`은 `null`이다."""
        assert sign_up(client, username)["full_name"] is None

    def test_three_character_username_and_eight_character_password_are_accepted(
        self, client: TestClient
    ) -> None:
        """가장 짧게 허용되는 값: 3자 사용자 이름과 8자 비밀번호로 가입할 수 있다."""
        created = sign_up(client, "a_1", password="8-chars!")
        assert {field: created[field] for field in PUBLIC_FIELDS} == public("a_1")

    def test_twenty_character_username_is_accepted(self, client: TestClient) -> None:
        """테스트가 쓰는 가장 긴 사용자 이름, 20자로도 가입할 수 있다."""
        name = "user_" + "x" * 15
        created = sign_up(client, name)
        assert {field: created[field] for field in PUBLIC_FIELDS} == public(name)

    def test_korean_full_name_round_trips(self, client: TestClient, username: str) -> None:
        """한글과 이모지가 든 `full_name`이 그대로 저장되고 읽힌다."""
        sign_up(client, username, full_name="김철수 🙂")
        assert client.get(f"/users/{username}").json()["full_name"] == "김철수 🙂"

    @pytest.mark.points(2)
    def test_taken_username_is_409_and_keeps_the_first_user(
        self, client: TestClient, username: str
    ) -> None:
        """이미 있는 이름으로 가입하면 `409`이고, 먼저 가입한 사용자는 그대로다."""
        sign_up(client, username, full_name="처음 사용자")
        first = {**public(username), "full_name": "처음 사용자"}
        again = body_for(
            username, email="other@example.com", full_name="나중 사용자", password="another-pw"
        )
        response = client.post("/users", json=again)
        assert response.status_code == 409
        detail = response.json()["detail"]
        assert isinstance(detail, str)
        assert "another-pw" not in response.text
        kept = client.get(f"/users/{username}").json()
        assert {field: kept[field] for field in PUBLIC_FIELDS} == first  # leaks are graded apart

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"password": "short"}, "password"),
            ({"password": None}, "password"),
            ({"email": "not-an-email"}, "email"),
            ({"email": None}, "email"),
            ({"username": "철수"}, "username"),
            ({"username": "al"}, "username"),
            ({"username": "al ice"}, "username"),
            ({"username": "al/ice"}, "username"),
        ],
    )
    def test_bad_sign_up_is_422_and_stores_nothing(
        self, client: TestClient, username: str, changes: dict, field: str
    ) -> None:
        """잘못된 가입 요청은 그 필드를 가리키는 `422`이고 아무것도 저장되지 않는다.

        README의 가입 규칙만 본다. 저장되지 않았는지는 그 사용자를 다시 읽어 확인한다.
        """
        body = body_for(username) | changes
        response = client.post("/users", json=body)
        assert response.status_code == 422
        assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]
        assert client.get(f"/users/{body['username']}").status_code == 404

    def test_rejected_sign_up_does_not_echo_the_password(
        self, client: TestClient, username: str
    ) -> None:
        """거절된 가입의 `422` 응답에는 보낸 비밀번호가 들어 있지 않다.

        422는 입력이 아니라 문제를 밝힌다: 짧은 비밀번호도, 본문도 담지 않는다.
        """
        for body in (
            body_for(username, password="tiny-pw"),
            {"username": username, "password": PASSWORD},
        ):
            response = client.post("/users", json=body)
            assert response.status_code == 422
            assert response.json()["detail"][0]["msg"]
            assert body["password"] not in response.text

    def test_rejected_sign_up_lists_the_errors_without_only_the_input(
        self, client: TestClient, username: str
    ) -> None:
        """거절된 가입의 `422`는 FastAPI의 에러 목록에서 `input`만 뺀 것이다(`ctx`는 남는다)."""
        response = client.post("/users", json=body_for(username, password="tiny-pw"))
        assert response.status_code == 422
        assert response.json()["detail"] == [
            {
                "type": "string_too_short",
                "loc": ["body", "password"],
                "msg": "String should have at least 8 characters",
                "ctx": {"min_length": 8},
            }
        ]


class TestUserList:
    def test_no_users_is_an_empty_list(self, client: TestClient) -> None:
        """사용자가 하나도 없으면 `GET /users`는 `[]`이다.

        앱 자신의 저장소 위에서: 앞 테스트가 남긴 사용자를 먼저 지운다
        (이 챕터의 앱은 새로 실행하면 비어 있다).
        """
        for name in usernames(client):
            client.delete(f"/users/{name}")
        response = client.get("/users")
        assert response.status_code == 200
        assert response.json() == []

    def test_users_are_listed_by_username(self, client: TestClient) -> None:
        """`GET /users`는 사용자 이름 순서로 나열한다."""
        suffix = uuid4().hex[:8]
        sign_up(client, f"z_{suffix}")
        sign_up(client, f"a_{suffix}")
        listed = usernames(client)
        assert listed == sorted(listed)
        assert [name for name in listed if name.endswith(suffix)] == [f"a_{suffix}", f"z_{suffix}"]


class TestReadAndDelete:
    def test_unknown_user_is_404(self, client: TestClient, username: str) -> None:
        """없는 사용자를 읽으면 문자열 `detail`의 `404`이다."""
        response = client.get(f"/users/{username}")
        assert response.status_code == 404
        assert isinstance(response.json()["detail"], str)

    @pytest.mark.points(2)
    def test_delete_answers_204_with_an_empty_body(self, client: TestClient, username: str) -> None:
        """삭제는 본문 없는 `204`이고, 그 사용자는 목록에서도 사라진다."""
        sign_up(client, username)
        sign_up(client, f"{username}_b")
        response = client.delete(f"/users/{username}")
        assert response.status_code == 204
        assert response.content == b""
        assert client.get(f"/users/{username}").status_code == 404
        assert username not in usernames(client)
        assert client.get(f"/users/{username}_b").status_code == 200  # only that one is gone

    def test_delete_of_an_unknown_user_is_404(self, client: TestClient, username: str) -> None:
        """없는 사용자를 삭제하면 `404`이다."""
        response = client.delete(f"/users/{username}")
        assert response.status_code == 404
        assert isinstance(response.json()["detail"], str)


def test_each_run_of_the_app_starts_with_no_users(app: FastAPI, username: str) -> None:
    """앱을 새로 실행할 때마다(lifespan) 사용자 없이 시작한다.

    오버라이드가 없으면 저장소는 앱 자신의 것이고, lifespan마다 새로 만들어진다.
    """
    with TestClient(app) as first_run:
        assert first_run.get("/users").json() == []
        sign_up(first_run, username)
        assert first_run.get(f"/users/{username}").status_code == 200
    with TestClient(app) as second_run:
        assert second_run.get(f"/users/{username}").status_code == 404
        assert second_run.get("/users").json() == []
