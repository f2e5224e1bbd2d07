"""모든 응답이 ``/openapi.json``에 있다: ``nox -s fuzz``가 찾은 회귀.

JSON 본문을 받는 라우트에, 디코딩할 수 없는 본문에 FastAPI가 답하는 400이 빠져 있었다.
"""

import pytest
from fastapi.testclient import TestClient

NOT_UTF8 = b'{"username": "\xff\xfe", "theme": "dark"}'


def documented(client: TestClient, method: str, path: str) -> set[str]:
    """``/openapi.json``이 한 경로 처리에 대해 적어 둔 상태 코드."""
    return set(client.get("/openapi.json").json()["paths"][path][method.lower()]["responses"])


@pytest.mark.parametrize(("method", "path"), [("POST", "/users"), ("PUT", "/preferences/theme")])
def test_a_body_that_is_not_utf8_is_a_documented_400(
    client: TestClient, method: str, path: str
) -> None:
    """UTF-8이 아닌 본문은 `/openapi.json`에 적힌 `400`이고, 저장도 쿠키도 남기지 않는다."""
    users_before = client.get("/users").json()
    response = client.request(
        method, path, content=NOT_UTF8, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert "400" in documented(client, method, path)
    assert client.get("/users").json() == users_before  # nothing stored
    assert "set-cookie" not in response.headers  # no theme chosen
