"""챕터 5: 사용자 정의 예외와 그 핸들러, 422 핸들러, 모든 오류에 하나의 모양.

오류 본문은 언제나 ``{"detail": ...}``뿐이고, 422의 ``detail``에는 거절된 입력이 빠진다.
"""

import pytest
from fastapi.testclient import TestClient

from .helpers import assert_detail_message, assert_validation_error, create_item


class TestOutOfStock:
    """``POST /items/{id}/purchase``: 저장소가 자기 예외를 내고, 핸들러가 409로 답한다."""

    def test_purchase_takes_from_the_stock(self, client: TestClient) -> None:
        """구매는 재고에서 그 수량을 뺀 아이템을 돌려준다."""
        created = create_item(client, "원두 1kg", 25000, stock=5)
        response = client.post(f"/items/{created['id']}/purchase", json={"quantity": 2})
        assert response.status_code == 200
        assert response.json() == {**created, "stock": 3}

    def test_the_whole_stock_can_be_bought(self, client: TestClient) -> None:
        """재고 전부를 살 수 있고 재고는 `0`이 된다."""
        created = create_item(client, "원두 1kg", 25000, stock=5)
        response = client.post(f"/items/{created['id']}/purchase", json={"quantity": 5})
        assert response.json()["stock"] == 0

    @pytest.mark.points(3)
    def test_more_than_the_stock_is_409_and_changes_nothing(self, client: TestClient) -> None:
        """재고보다 많이 사면 남은 수를 담은 `409`이고 아무것도 바뀌지 않는다."""
        created = create_item(client, "원두 1kg", 25000, stock=2)
        response = client.post(f"/items/{created['id']}/purchase", json={"quantity": 3})
        assert response.status_code == 409
        assert_detail_message(response, 2)  # says how many are left
        assert client.get(f"/items/{created['id']}").json() == created

    def test_purchase_of_an_unknown_item_is_404(self, client: TestClient) -> None:
        """없는 아이템을 사면 그 id를 담은 `404`이다."""
        response = client.post("/items/4242/purchase", json={"quantity": 1})
        assert response.status_code == 404
        assert_detail_message(response, 4242)

    @pytest.mark.parametrize("body", [{"quantity": 0}, {"quantity": 1001}, {}])
    def test_bad_quantity_is_422(self, client: TestClient, body: dict) -> None:
        """잘못된 `quantity`는 `422`이고 재고는 그대로다."""
        created = create_item(client, "원두 1kg", 25000, stock=5)
        response = client.post(f"/items/{created['id']}/purchase", json=body)
        assert_validation_error(response, ["body", "quantity"])
        assert client.get(f"/items/{created['id']}").json()["stock"] == 5


class TestValidationErrorHandler:
    @pytest.mark.points(2)
    def test_each_error_is_exactly_loc_msg_type(self, client: TestClient) -> None:
        """`422`의 오류 항목은 정확히 `loc`, `msg`, `type`만 가진다."""
        response = client.post("/items", json={"name": "", "price": -1, "extra": True})
        assert response.status_code == 422
        errors = response.json()["detail"]
        assert len(errors) == 3
        for error in errors:
            assert set(error) == {"loc", "msg", "type"}
            assert all(isinstance(error[key], str) and error[key] for key in ("msg", "type"))

    def test_rejected_input_is_not_echoed(self, client: TestClient) -> None:
        """`422` 응답에는 거절된 입력이 들어 있지 않다."""
        secret = "비밀-카드번호-1234-5678"
        for body in ({"name": secret * 10, "price": 1}, {"description": secret}):
            response = client.post("/items", json=body)
            assert response.status_code == 422
            assert secret not in response.text

    @pytest.mark.parametrize("content", ['{"name": "커피", "price": ', "not json at all"])
    def test_malformed_json_is_422_in_the_same_shape(
        self, client: TestClient, content: str
    ) -> None:
        """깨진 JSON도 같은 모양의 `422`이다."""
        response = client.post(
            "/items", content=content.encode(), headers={"content-type": "application/json"}
        )
        assert response.status_code == 422
        errors = response.json()["detail"]
        assert [error["loc"][0] for error in errors] == ["body"]
        assert [set(error) for error in errors] == [{"loc", "msg", "type"}]


ERRORS = {
    "404 unknown item": ("GET", "/items/31337", None, 404),
    "404 unknown path": ("GET", "/menu", None, 404),
    "405 wrong method": ("DELETE", "/items", None, 405),
    "409 taken name": ("POST", "/items", {"name": "{name}", "price": 1}, 409),
    "409 out of stock": ("POST", "/items/{id}/purchase", {"quantity": 99}, 409),
    "422 bad body": ("POST", "/items", {"price": "공짜"}, 422),
    "422 bad query": ("GET", "/items", None, 422),
    "422 bad path": ("PATCH", "/items/zero", {"price": 1}, 422),
}


@pytest.mark.parametrize("case", list(ERRORS))
def test_every_error_body_has_the_documented_shape(client: TestClient, case: str) -> None:
    """모든 오류 응답 본문은 문서에 적힌 `{"detail": ...}` 모양이다."""
    method, path, body, status = ERRORS[case]
    existing = create_item(client, "라떼", 5000)
    params = {"size": 0} if case == "422 bad query" else None
    if body is not None and body.get("name") == "{name}":  # the name of the item just made
        body = {**body, "name": existing["name"]}
    response = client.request(method, path.format(id=existing["id"]), json=body, params=params)
    assert response.status_code == status
    payload = response.json()
    assert set(payload) == {"detail"}
    if status == 422:
        assert payload["detail"]
        assert all(set(error) == {"loc", "msg", "type"} for error in payload["detail"])
    else:
        assert isinstance(payload["detail"], str)
        assert payload["detail"].strip()


def test_the_error_shapes_are_documented_in_openapi(client: TestClient) -> None:
    """`/openapi.json`에 오류 응답의 모양이 적혀 있다."""
    schema = client.get("/openapi.json").json()
    components = schema["components"]["schemas"]

    def resolve(node: dict) -> dict:
        while "$ref" in node:
            node = components[node["$ref"].rsplit("/", 1)[1]]
        return node

    def body_schema(method: str, path: str, status: str) -> dict:
        response = schema["paths"][path][method]["responses"][status]
        return resolve(response["content"]["application/json"]["schema"])

    for method, status in [("get", "404"), ("put", "409"), ("patch", "409"), ("delete", "404")]:
        detail = body_schema(method, "/items/{item_id}", status)["properties"]["detail"]
        assert detail["type"] == "string"
    invalid = body_schema("post", "/items", "422")["properties"]["detail"]
    assert invalid["type"] == "array"
    assert set(resolve(invalid["items"])["properties"]) == {"loc", "msg", "type"}
