"""이 챕터의 테스트가 함께 쓰는 작은 요청 도우미.

테스트는 자기 접미사를 붙인 이름으로 만든 것과 비교하고, 빈 저장소나 고정된 id에 기대지 않는다.
"""

from uuid import uuid4

from fastapi.testclient import TestClient

ITEM_FIELDS = {"id", "name", "price", "description", "stock"}


def unique(name: str) -> str:
    """다른 테스트가 쓰지 않는 접미사(16진수 8자리)를 붙인 ``name``."""
    return f"{name} {uuid4().hex[:8]}"


CREATED = (200, 201)  # setup takes either: the 201 itself is graded by the create test alone


def create_item(client: TestClient, name: str = "아메리카노", price: int = 4500, **fields) -> dict:
    """``name``에 고유한 접미사를 붙인 아이템을 만들고 응답 본문을 돌려준다."""
    response = client.post("/items", json={"name": unique(name), "price": price, **fields})
    assert response.status_code in CREATED, response.text
    return response.json()


def assert_nothing_stored_after(client: TestClient, last: dict) -> None:
    """``last``(이 테스트가 만든 아이템) 뒤로 저장된 아이템이 없다: 목록이 아니라 다시 읽어 본다.

    id는 늘어나기만 하므로, 지금 만든 아이템과 ``last`` 사이의 id는 모두 `404`여야 한다.
    """
    probe = create_item(client, "확인용")
    between = range(last["id"] + 1, probe["id"])
    assert len(between) <= 100, f"ids {last['id']} -> {probe['id']}: stored something between?"
    for item_id in between:
        assert client.get(f"/items/{item_id}").status_code == 404, f"item {item_id} was stored"


MAX_PAGES = 50  # 5,000 items: far more than any test stores


def all_items(client: TestClient) -> list[dict]:
    """저장된 모든 아이템, 목록이 주는 순서대로(한 페이지에 100개씩)."""
    items: list[dict] = []
    seen: set[int] = set()
    for page in range(1, MAX_PAGES + 1):
        response = client.get("/items", params={"page": page, "size": 100})
        assert response.status_code == 200
        batch = response.json()
        ids = {item["id"] for item in batch}
        # A list that ignores `page` gives the same items again: stop, never loop forever.
        assert not ids & seen, f"GET /items?page={page} repeats items of an earlier page"
        seen |= ids
        items += batch
        if len(batch) < 100:
            return items
    raise AssertionError(f"GET /items still full after {MAX_PAGES} pages of 100")


def assert_detail_message(response, *fragments: object) -> None:
    """메시지에 조각이 하나하나 든 ``{"detail": "<message>"}`` 본문."""
    body = response.json()
    assert set(body) == {"detail"}
    assert isinstance(body["detail"], str)
    assert body["detail"].strip()
    for fragment in fragments:
        assert str(fragment) in body["detail"]


def assert_validation_error(response, *locations: list) -> None:
    """``locations``를 정확히 가리키는 422 ``{"detail": [{"loc", "msg", "type"}, ...]}``."""
    assert response.status_code == 422, response.text
    errors = response.json()["detail"]
    assert [error["loc"] for error in errors] == list(locations)
    for error in errors:
        assert isinstance(error["msg"], str)
        assert error["msg"]
