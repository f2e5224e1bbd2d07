"""Chapter 5: the app under a real uvicorn process — CRUD over the network, concurrent changes.

The server is started from the solution's ``app`` (``solution.target``), so the lifespan, the
thread pool and the error handlers are exactly what ``uvicorn`` runs in production.
"""

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from shared.testing import ServerProcess, Solution, run_uvicorn

from .concurrent import send_all
from .helpers import unique


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
        assert created.status_code == 201
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
