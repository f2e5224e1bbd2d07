"""모든 응답이 ``/openapi.json``에 있고 어떤 id도 500이 아니다: ``nox -s fuzz``가 찾은 회귀.

404, 401, 413, 400이 스키마에 빠져 있었고, SQLite 정수 범위를 넘는 id는 500이었다.
"""

import pytest
from fastapi.testclient import TestClient

from .conftest import SAMPLE_PASSWORD

NOT_UTF8 = b'{"name": "\xff\xfe", "price": 500}'
NO_BOUNDARY = {"Content-Type": "multipart/form-data"}

# (method, URL template, path in /openapi.json) of every route that reads a row by id.
BY_ID = [
    ("GET", "/items/{id}", "/items/{item_id}"),
    ("PUT", "/items/{id}", "/items/{item_id}"),
    ("PATCH", "/items/{id}", "/items/{item_id}"),
    ("DELETE", "/items/{id}", "/items/{item_id}"),
    ("GET", "/notifications/{id}", "/notifications/{notification_id}"),
    ("GET", "/uploads/{id}", "/uploads/{upload_id}"),
]
BY_ID_IDS = [f"{method} {path}" for method, _, path in BY_ID]
ITEM = {"name": "연필", "price": 500}


def documented(client: TestClient, method: str, path: str) -> dict:
    """``/openapi.json``이 한 경로 처리에 대해 적어 둔 응답, 상태 코드별로."""
    return client.get("/openapi.json").json()["paths"][path][method.lower()]["responses"]


def body_of(method: str) -> dict | None:
    return ITEM if method in ("PUT", "PATCH") else None


@pytest.mark.parametrize(("method", "url", "path"), BY_ID, ids=BY_ID_IDS)
def test_an_unknown_id_is_a_documented_404(
    client: TestClient, method: str, url: str, path: str
) -> None:
    """없는 id는 `detail`이 있는 404이고, 그 404가 `/openapi.json`에 있다."""
    response = client.request(method, url.format(id=99999), json=body_of(method))
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    assert detail, "a 404 says why in `detail`"
    assert "404" in documented(client, method, path)


@pytest.mark.parametrize(("method", "url", "path"), BY_ID, ids=BY_ID_IDS)
def test_an_id_past_sqlite_integers_is_422_not_500(
    client: TestClient, method: str, url: str, path: str, count_rows, audit_lines
) -> None:
    """SQLite 정수 범위를 넘는 id는 500이 아니라 422다.

    SQLite의 INTEGER는 64비트다: 2**63(또는 -2**63 아래)은 있을 수도, 보낼 수도 없다.
    """
    name = path.rsplit("{", 1)[1].rstrip("}")
    for huge in (2**63, -(2**63) - 1):
        response = client.request(method, url.format(id=huge), json=body_of(method))
        assert response.status_code == 422, response.text
        assert response.json()["detail"][0]["loc"] == ["path", name]
    # the largest id SQLite holds is still an id: a plain 404
    largest = client.request(method, url.format(id=2**63 - 1), json=body_of(method))
    assert largest.status_code == 404
    assert count_rows("items") == 0
    assert audit_lines() == []


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/items"), ("PUT", "/items/{item_id}"), ("PATCH", "/items/{item_id}")],
)
def test_an_item_body_that_is_not_utf8_is_a_documented_400(
    client: TestClient, method: str, path: str, count_rows
) -> None:
    """UTF-8이 아닌 아이템 본문은 400이고 문서에 있으며, 아무것도 바뀌지 않는다."""
    created = client.post("/items", json=ITEM).json()
    response = client.request(
        method,
        path.format(item_id=created["id"]),
        content=NOT_UTF8,
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["detail"]
    assert "400" in documented(client, method, path)
    assert client.get(f"/items/{created['id']}").json() == created  # nothing changed
    assert count_rows("items") == 1  # nothing stored


def test_a_user_body_that_is_not_utf8_is_a_documented_400(client: TestClient, count_rows) -> None:
    """UTF-8이 아닌 사용자 본문은 400이고 문서에 있다."""
    response = client.post(
        "/users",
        content=b'{"username": "\xff\xfe", "password": "correct horse"}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert "400" in documented(client, "POST", "/users")
    assert count_rows("users") == 0


@pytest.mark.parametrize("path", ["/upload", "/login"])
def test_multipart_without_a_boundary_is_a_documented_400(
    client: TestClient, path: str, count_rows
) -> None:
    """boundary 없는 multipart 요청은 400이고 문서에 있다."""
    response = client.post(path, content=b"not multipart", headers=NO_BOUNDARY)
    assert response.status_code == 400
    assert response.json()["detail"]
    assert "400" in documented(client, "POST", path)
    assert count_rows("uploads") == 0


def test_a_file_too_large_is_a_documented_413(client: TestClient) -> None:
    """너무 큰 파일의 413이 `/openapi.json`에 있다.

    413 자체는 ``test_bad_input.py``가 채점하고, 여기서는 ``/docs``에 보이는지를 본다.
    """
    assert "413" in documented(client, "POST", "/upload")


@pytest.mark.parametrize(
    ("method", "path"), [("GET", "/protected"), ("POST", "/maintenance/cleanup")]
)
def test_a_missing_token_is_a_documented_401_with_www_authenticate(
    client: TestClient, method: str, path: str
) -> None:
    """토큰 없는 요청의 401과 `WWW-Authenticate` 헤더가 문서에 있다."""
    response = client.request(method, path)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "WWW-Authenticate" in documented(client, method, path)["401"]["headers"]


def test_a_wrong_login_is_a_documented_401_with_www_authenticate(
    client: TestClient, sample_user: str
) -> None:
    """틀린 로그인의 401과 `WWW-Authenticate` 헤더가 문서에 있다."""
    form = {"username": sample_user, "password": SAMPLE_PASSWORD + "x"}
    response = client.post("/login", data=form)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "WWW-Authenticate" in documented(client, "POST", "/login")["401"]["headers"]
