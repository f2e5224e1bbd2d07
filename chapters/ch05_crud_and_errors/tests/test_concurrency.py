"""챕터 5: 요청이 동시에 와도 메모리 저장소는 올바르게 남는다.
스레드 전환을 잦게 해, 잠금이 빠지면 중복 id, 같은 이름의 아이템, 사라진 필드, 초과 판매로
드러나게 한다(없다는 증명은 아니다). 테스트마다 자기 접미사를 붙인 아이템만 본다.
"""

from collections.abc import Iterator

import httpx
import pytest

from .helpers import CREATED, unique
from .simultaneous import frequent_thread_switches, send_all

# Many requests each, and a solution without its lock may be slow: a generous time limit.
pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("stress"), pytest.mark.timeout(90)]


@pytest.fixture
def stress() -> Iterator[None]:
    with frequent_thread_switches():
        yield


ROUNDS = 3  # the race of the creates, again and again: an unlocked store trips on every run


async def create_many(client: httpx.AsyncClient, names: list[str]) -> list[dict]:
    answers = await send_all([client.post("/items", json={"name": n, "price": 100}) for n in names])
    assert all(answer.status_code in CREATED for answer in answers), answers
    return [answer.json() for answer in answers]


async def read_back(client: httpx.AsyncClient, ids: list[int]) -> list[dict | None]:
    """아이템을 하나씩 다시 읽는다(목록이 아니라): 없으면 ``None``."""
    answers = await send_all([client.get(f"/items/{item_id}") for item_id in ids])
    assert {answer.status_code for answer in answers} <= {200, 404}
    return [answer.json() if answer.status_code == 200 else None for answer in answers]


@pytest.mark.points(3)
async def test_concurrent_creates_get_distinct_ids_and_all_are_kept(
    async_client: httpx.AsyncClient,
) -> None:
    """동시에 120개를 만들어도 id가 모두 다르고 모두 저장된다.

    처음 요청들은 느려서(스키마, 지연 import) 겹치지 않으므로 먼저 몇 개를 보내 데우고,
    120개씩 여러 번 겨룬다.
    """
    await create_many(async_client, [unique(f"데우기 {n}") for n in range(10)])
    for round_ in range(ROUNDS):
        names = [unique(f"동시 아이템 {round_}-{n}") for n in range(120)]
        created = await create_many(async_client, names)
        ids = [item["id"] for item in created]
        assert len(set(ids)) == len(ids)
        assert await read_back(async_client, ids) == created


@pytest.mark.points(2)
async def test_ids_stay_unique_while_items_are_deleted_and_created(
    async_client: httpx.AsyncClient,
) -> None:
    """삭제 60개와 생성 60개가 동시에 돌아도 새 id는 모두 다르고 지운 id를 다시 쓰지 않는다."""
    first = await create_many(async_client, [unique(f"처음 {n}") for n in range(60)])
    deletes = [async_client.delete(f"/items/{item['id']}") for item in first]
    creates = [
        async_client.post("/items", json={"name": unique(f"다음 {n}"), "price": 1})
        for n in range(60)
    ]
    answers = await send_all(deletes + creates)
    assert [answer.status_code for answer in answers[:60]] == [204] * 60
    assert all(answer.status_code in CREATED for answer in answers[60:])
    new_ids = [answer.json()["id"] for answer in answers[60:]]
    assert len(set(new_ids)) == 60
    assert not set(new_ids) & {item["id"] for item in first}
    assert await read_back(async_client, [item["id"] for item in first]) == [None] * 60
    assert await read_back(async_client, new_ids) == [answer.json() for answer in answers[60:]]


@pytest.mark.points(2)
async def test_concurrent_creates_of_one_name_make_one_item(
    async_client: httpx.AsyncClient,
) -> None:
    """같은 이름으로 동시에 40번 만들면 하나만 만들어지고 39번은 `409`이다."""
    body = {"name": unique("한정판 원두"), "price": 30000}
    answers = await send_all([async_client.post("/items", json=body) for _ in range(40)])
    statuses = sorted(answer.status_code for answer in answers)
    created = [answer.json() for answer in answers if answer.status_code in CREATED]
    assert (len(created), statuses.count(409)) == (1, 39), statuses
    assert await read_back(async_client, [created[0]["id"]]) == created


@pytest.mark.points(3)
async def test_concurrent_patches_of_one_item_lose_no_update(
    async_client: httpx.AsyncClient,
) -> None:
    """서로 다른 필드를 바꾸는 `PATCH` 네 개가 동시에 와도 바뀐 내용이 하나도 사라지지 않는다.

    네 요청이 끝나면 아이템에는 네 필드의 새 값이 모두 있다.
    """
    items = await create_many(async_client, [unique(f"패치 {n}") for n in range(25)])
    expected = {}
    patches = []
    for item in items:
        changes = {
            "name": unique(f"바뀐 이름 {item['id']}"),
            "price": 1000 + item["id"],
            "description": f"설명 {item['id']}",
            "stock": item["id"] % 7 + 1,
        }
        expected[item["id"]] = {"id": item["id"], **changes}
        url = f"/items/{item['id']}"
        patches += [async_client.patch(url, json={key: value}) for key, value in changes.items()]
    answers = await send_all(patches)
    assert {answer.status_code for answer in answers} == {200}
    assert await read_back(async_client, list(expected)) == list(expected.values())


@pytest.mark.points(2)
async def test_concurrent_purchases_never_oversell(async_client: httpx.AsyncClient) -> None:
    """재고 30개에 동시 구매 60번이면 정확히 30번만 팔리고 각자 자기 재고를 본다."""
    answer = await async_client.post(
        "/items", json={"name": unique("마지막 30개"), "price": 1, "stock": 30}
    )
    url = f"/items/{answer.json()['id']}/purchase"
    answers = await send_all([async_client.post(url, json={"quantity": 1}) for _ in range(60)])
    sold = [answer for answer in answers if answer.status_code == 200]
    assert sorted(answer.status_code for answer in answers) == [200] * 30 + [409] * 30
    # Each sale saw its own stock: 29, 28, ... 0 once each — no two sold the same unit.
    assert sorted(answer.json()["stock"] for answer in sold) == list(range(30))
    assert (await async_client.get(url.removesuffix("/purchase"))).json()["stock"] == 0
