"""챕터 5: 진짜 uvicorn 프로세스의 앱, 네트워크 너머의 CRUD와 동시 변경.

서버는 풀이의 ``app``(``solution.target``)으로 띄우므로 실제 운영과 같다.
"""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from shared.testing import ServerProcess, Solution, post_at_once, run_uvicorn

from .helpers import CREATED, unique
from .simultaneous import send_all

RACERS = 8  # requests sent at the same moment


@pytest.fixture
def server(solution: Solution, tmp_path: Path) -> Iterator[ServerProcess]:
    with run_uvicorn(
        solution.target, env=solution.pythonpath, log_path=tmp_path / "uvicorn.log"
    ) as server:
        yield server


@pytest.mark.anyio
@pytest.mark.points(2)
@pytest.mark.timeout(150)  # a real process to start, then many requests over the network
async def test_a_real_server_serves_crud_and_keeps_concurrent_changes(
    server: ServerProcess,
) -> None:
    """실제 `uvicorn` 서버에서 CRUD가 되고, 동시 생성과 동시 `PATCH`가 모두 반영된다."""
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        assert (await client.get("/items")).status_code == 200
        created = await client.post("/items", json={"name": unique("콜드브루"), "price": 5000})
        assert created.status_code in CREATED
        location = created.headers["location"]
        assert (await client.get(location)).json() == created.json()
        assert (await client.delete(location)).status_code == 204
        missing = await client.get(location)
        assert missing.status_code == 404
        assert isinstance(missing.json()["detail"], str)

        answers = await send_all(
            [
                client.post("/items", json={"name": unique(f"서버 {n}"), "price": 1})
                for n in range(40)
            ]
        )
        ids = [answer.json()["id"] for answer in answers]
        assert len(set(ids)) == 40
        assert created.json()["id"] not in ids

        patches = []
        for item_id in ids[:10]:
            url = f"/items/{item_id}"
            patches += [
                client.patch(url, json={"price": 777}),
                client.patch(url, json={"stock": 3}),
            ]
        assert {answer.status_code for answer in await send_all(patches)} == {200}
        for item_id in ids[:10]:
            item = (await client.get(f"/items/{item_id}")).json()
            assert (item["price"], item["stock"]) == (777, 3)


@pytest.mark.points(2)
@pytest.mark.timeout(150)  # a real process to start, then eight threads at once
def test_simultaneous_creates_of_one_name_give_one_201_and_409s(
    solution: Solution, tmp_path: Path
) -> None:
    """같은 이름으로 동시에 보낸 생성 요청 8개는 `201` 하나와 `409` 일곱이고, 5xx는 없다.

    진 쪽은 평소의 409(나중에 보낸 중복과 같은 본문)를 받고, 저장소에는 이긴 쪽의
    아이템만 있다: 그 가격이 남는다.
    """
    name = unique("한정판 원두")
    bodies = [{"name": name, "price": 1000 + n} for n in range(RACERS)]
    with run_uvicorn(
        solution.target,
        env={**solution.pythonpath},
        log_path=tmp_path / "server.log",
        cwd=tmp_path,
        timeout=90,
    ) as server:
        answers = post_at_once(server, "/items", bodies, warm_up="/items?size=1")
        codes = sorted(answer.status_code for answer in answers)
        created = [code for code in codes if code in CREATED]  # the 201 is graded elsewhere
        assert (len(created), codes.count(409)) == (1, RACERS - 1), (codes, server.output[-4000:])

        with httpx.Client(base_url=server.url, timeout=30) as client:
            later = client.post("/items", json=bodies[0])
            assert later.status_code == 409
            assert isinstance(later.json()["detail"], str)
            assert name in later.json()["detail"]
            losers = [answer for answer in answers if answer.status_code == 409]
            assert all(answer.json() == later.json() for answer in losers)

            (winner,) = (answer.json() for answer in answers if answer.status_code in CREATED)
            assert client.get(f"/items/{winner['id']}").json() == winner
