"""Chapter 4: input, output and DB models for users — the password goes in and never comes out."""

from urllib.parse import urljoin

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pwdlib import PasswordHash

PASSWORD = "correct-horse-42"
ALICE = {"username": "alice", "email": "alice@example.com", "password": PASSWORD}
PUBLIC_FIELDS = {"username", "email", "full_name"}


def sign_up(client: TestClient, **changes: object) -> dict:
    response = client.post("/users", json={**ALICE, **changes})
    assert response.status_code == 201, response.text
    return response.json()


class TestPasswordNeverLeaves:
    """Every ``/users`` answer is exactly the public fields: no password, no hash, nothing else."""

    @pytest.mark.points(2)
    def test_created_user_is_answered_without_password(self, client: TestClient) -> None:
        response = client.post("/users", json={**ALICE, "full_name": "앨리스"})
        assert response.status_code == 201
        assert response.json() == {
            "username": "alice",
            "email": "alice@example.com",
            "full_name": "앨리스",
        }
        assert "password" not in response.text

    @pytest.mark.points(2)
    def test_read_user_is_answered_without_password(self, client: TestClient) -> None:
        sign_up(client)
        response = client.get("/users/alice")
        assert response.status_code == 200
        assert response.json() == {
            "username": "alice",
            "email": "alice@example.com",
            "full_name": None,
        }
        assert "password" not in response.text

    @pytest.mark.points(2)
    def test_user_list_items_have_only_public_fields(self, client: TestClient) -> None:
        sign_up(client)
        sign_up(client, username="bob", email="bob@example.com")
        response = client.get("/users")
        assert response.status_code == 200
        assert [set(user) for user in response.json()] == [PUBLIC_FIELDS, PUBLIC_FIELDS]
        assert "password" not in response.text

    def test_schema_documents_answers_without_password(self, client: TestClient) -> None:
        schema = client.get("/openapi.json").json()
        components = schema["components"]["schemas"]

        def body_of(method: str, path: str, status: str) -> dict:
            operation = schema["paths"][path][method]
            if status == "request":
                content = operation["requestBody"]["content"]
            else:
                content = operation["responses"][status]["content"]
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
    def test_created_answers_201_with_location_of_the_user(self, client: TestClient) -> None:
        response = client.post("/users", json=ALICE)
        assert response.status_code == 201
        location = urljoin(str(response.url), response.headers["location"])
        assert location == "http://testserver/users/alice"
        followed = client.get(location)
        assert followed.status_code == 200
        assert followed.json()["username"] == "alice"

    @pytest.mark.points(2)
    def test_store_keeps_a_pwdlib_hash_not_the_password(
        self, client: TestClient, users_db: dict
    ) -> None:
        sign_up(client)
        stored = users_db["alice"]
        assert stored.username == "alice"
        assert not hasattr(stored, "password")
        assert PASSWORD not in stored.hashed_password
        assert PasswordHash.recommended().verify(PASSWORD, stored.hashed_password)
        assert not PasswordHash.recommended().verify("wrong-password", stored.hashed_password)

    def test_full_name_is_optional(self, client: TestClient) -> None:
        assert sign_up(client)["full_name"] is None

    def test_korean_full_name_round_trips(self, client: TestClient) -> None:
        sign_up(client, full_name="김철수 🙂")
        assert client.get("/users/alice").json()["full_name"] == "김철수 🙂"

    @pytest.mark.points(2)
    def test_taken_username_is_409_and_keeps_the_first_user(
        self, client: TestClient, users_db: dict
    ) -> None:
        sign_up(client)
        response = client.post("/users", json={**ALICE, "password": "another-password"})
        assert response.status_code == 409
        detail = response.json()["detail"]
        assert isinstance(detail, str)
        assert "alice" in detail
        assert "another-password" not in response.text
        assert PasswordHash.recommended().verify(PASSWORD, users_db["alice"].hashed_password)

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"password": "short"}, "password"),
            ({"password": None}, "password"),
            ({"email": "not-an-email"}, "email"),
            ({"username": "철수"}, "username"),
            ({"username": "Alice"}, "username"),
            ({"username": "al"}, "username"),
            ({"username": "a" * 21}, "username"),
            ({"full_name": "가" * 51}, "full_name"),
        ],
    )
    def test_bad_sign_up_is_422_and_stores_nothing(
        self, client: TestClient, users_db: dict, changes: dict, field: str
    ) -> None:
        response = client.post("/users", json={**ALICE, **changes})
        assert response.status_code == 422
        assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]
        assert users_db == {}

    def test_rejected_sign_up_does_not_echo_the_password(self, client: TestClient) -> None:
        """A 422 names the problem, not the input: neither the short password nor the body."""
        for body in ({**ALICE, "password": "tiny-pw"}, {"username": "alice", "password": PASSWORD}):
            response = client.post("/users", json=body)
            assert response.status_code == 422
            assert response.json()["detail"][0]["msg"]
            assert body["password"] not in response.text


class TestUserList:
    def test_no_users_is_an_empty_list(self, client: TestClient) -> None:
        response = client.get("/users")
        assert response.status_code == 200
        assert response.json() == []

    def test_users_are_listed_by_username(self, client: TestClient) -> None:
        sign_up(client, username="zoe", email="zoe@example.com")
        sign_up(client)
        assert [user["username"] for user in client.get("/users").json()] == ["alice", "zoe"]


class TestReadAndDelete:
    def test_unknown_user_is_404(self, client: TestClient) -> None:
        response = client.get("/users/nobody")
        assert response.status_code == 404
        detail = response.json()["detail"]
        assert isinstance(detail, str)
        assert "nobody" in detail

    @pytest.mark.points(2)
    def test_delete_answers_204_with_an_empty_body(
        self, client: TestClient, users_db: dict
    ) -> None:
        sign_up(client)
        response = client.delete("/users/alice")
        assert response.status_code == 204
        assert response.content == b""
        assert users_db == {}
        assert client.get("/users/alice").status_code == 404

    def test_delete_of_an_unknown_user_is_404(self, client: TestClient) -> None:
        response = client.delete("/users/nobody")
        assert response.status_code == 404
        assert isinstance(response.json()["detail"], str)


def test_each_run_of_the_app_starts_with_no_users(app: FastAPI) -> None:
    """Without an override the store is the app's own, made fresh by each lifespan."""
    with TestClient(app) as first_run:
        assert first_run.post("/users", json=ALICE).status_code == 201
        assert [user["username"] for user in first_run.get("/users").json()] == ["alice"]
    with TestClient(app) as second_run:
        assert second_run.get("/users").json() == []
