"""챕터 9: 폼 데이터, 필드마다 ``Form()``을 쓰는 방법과 Pydantic 모델 하나를 폼으로 받는 방법."""

import pytest
from fastapi.testclient import TestClient

CONTACT = {"name": "김철수", "email": "chulsoo@example.com", "message": "강의 잘 들었습니다."}
PROFILE = {"username": "chulsoo_1", "age": "31", "bio": "백엔드 개발자"}


@pytest.mark.points(2)
def test_contact_form_fields_are_read_and_typed(client: TestClient) -> None:
    """`Form()` 필드는 읽혀 타입이 바뀌고, 보내지 않은 `subscribe`는 기본값 `False`다."""
    response = client.post("/forms/contact", data={**CONTACT, "subscribe": "true"})
    assert response.status_code == 200
    assert response.json() == {**CONTACT, "subscribe": True}
    default = client.post("/forms/contact", data=CONTACT)
    assert default.json()["subscribe"] is False


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        pytest.param({"data": {**CONTACT, "email": "not-an-email"}}, "email", id="bad-email"),
        pytest.param({"data": {**CONTACT, "name": ""}}, "name", id="empty-name"),
        pytest.param({"data": {"name": "a", "email": CONTACT["email"]}}, "message", id="missing"),
        pytest.param({"json": CONTACT}, "name", id="json-not-form"),
    ],
)
def test_bad_contact_form_is_422_naming_the_field(
    client: TestClient, kwargs: dict, field: str
) -> None:
    """잘못된 문의 폼은 422이고 `loc`이 그 필드를 가리킨다."""
    response = client.post("/forms/contact", **kwargs)
    assert response.status_code == 422
    assert ["body", field] in [error["loc"] for error in response.json()["detail"]]


@pytest.mark.points(2)
def test_a_model_can_describe_a_whole_form(client: TestClient) -> None:
    """Pydantic 모델 하나로 폼 전체를 받는다."""
    response = client.post("/forms/profile", data=PROFILE)
    assert response.status_code == 200
    assert response.json() == {**PROFILE, "age": 31}


@pytest.mark.parametrize(
    ("data", "field"),
    [
        pytest.param({**PROFILE, "role": "admin"}, "role", id="unknown-field"),
        pytest.param({**PROFILE, "age": "-1"}, "age", id="negative-age"),
        pytest.param({**PROFILE, "username": "Bad Name"}, "username", id="bad-username"),
    ],
)
def test_bad_profile_form_is_422_naming_the_field(
    client: TestClient, data: dict, field: str
) -> None:
    """잘못되거나 모르는 필드가 있는 프로필 폼은 422이고 `loc`이 그 필드를 가리킨다."""
    response = client.post("/forms/profile", data=data)
    assert response.status_code == 422
    assert ["body", field] in [error["loc"] for error in response.json()["detail"]]


@pytest.mark.points(1)
def test_a_rejected_value_is_not_echoed_back_whole(client: TestClient) -> None:
    """너무 긴 폼 값의 422는 받은 값을 통째로가 아니라 앞부분만 돌려준다."""
    message = "가" * 20_000
    response = client.post(
        "/forms/contact", data={"name": "민수", "email": "minsu@example.com", "message": message}
    )
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["body", "message"]
    assert error["input"].startswith("가" * 50)
    assert len(error["input"]) <= 101
    assert len(response.content) < 2_000


@pytest.mark.points(1)
def test_a_multipart_body_cut_off_midway_is_read_as_far_as_it_goes(client: TestClient) -> None:
    """끝 경계 전에 잘린 multipart 본문은 500이 아니라, 못 읽은 필드의 422 "Field required"다."""
    cut = (
        b'--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\n\xea\xb9\x80\r\n'
        b"--xyz\r\nContent-Disposition: form-da"
    )
    response = client.post(
        "/forms/contact",
        content=cut,
        headers={"Content-Type": "multipart/form-data; boundary=xyz"},
    )
    assert response.status_code == 422
    missing = {tuple(e["loc"]) for e in response.json()["detail"] if e["type"] == "missing"}
    assert missing == {("body", "email"), ("body", "message")}
