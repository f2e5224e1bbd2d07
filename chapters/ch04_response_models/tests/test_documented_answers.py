"""Every answer is in ``/openapi.json``: the regressions ``nox -s fuzz`` found.

The routes with a JSON body did not list the 400 FastAPI answers by itself for a body it cannot
decode (bytes that are not UTF-8; JSON that does not parse is a 422).
"""

import pytest
from fastapi.testclient import TestClient

NOT_UTF8 = b'{"username": "\xff\xfe", "theme": "dark"}'


def documented(client: TestClient, method: str, path: str) -> set[str]:
    """The status codes ``/openapi.json`` lists for one operation."""
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
