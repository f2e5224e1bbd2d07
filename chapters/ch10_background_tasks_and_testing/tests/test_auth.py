"""교재의 헤더·폼 데이터 예제가 부르는 사용자, 로그인, 보호된 라우트:
비밀번호는 argon2 해시로 저장하고, 토큰은 ``sub``와 ``exp``가 든 HS256 JWT다.
"""

from datetime import datetime, timezone
from types import ModuleType

import jwt
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from .conftest import SAMPLE_PASSWORD, secret_key_of


@pytest.mark.points(2)
def test_register_stores_an_argon2_hash_not_the_password(
    client: TestClient, solution: ModuleType, TestSessionLocal
) -> None:
    """회원가입하면 비밀번호가 아니라 argon2 해시가 저장된다."""
    response = client.post("/users", json={"username": "park", "password": "park's password"})
    assert response.status_code == 201
    assert response.json() == {"id": response.json()["id"], "username": "park"}
    users = solution.Base.metadata.tables["users"]
    with TestSessionLocal() as db:
        row = db.execute(select(users).where(users.c.username == "park")).one()._mapping
    stored = [str(value) for value in row.values()]
    assert not any("park's password" in value for value in stored)
    assert any(value.startswith("$argon2") for value in stored)


@pytest.mark.points(2)
def test_login_token_is_a_signed_jwt_naming_the_user(
    client: TestClient, sample_user: str, settings
) -> None:
    """로그인 토큰은 사용자 이름(`sub`)과 미래의 `exp`를 담은 HS256 JWT다."""
    response = client.post("/login", data={"username": sample_user, "password": SAMPLE_PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    claims = jwt.decode(body["access_token"], secret_key_of(settings), algorithms=["HS256"])
    assert claims["sub"] == sample_user
    expires = datetime.fromtimestamp(claims["exp"], timezone.utc)
    assert expires > datetime.now(timezone.utc)
