"""Chapter 5: the app under a real uvicorn process — CRUD over the network, concurrent changes.

The server is started from ``<solution module>:app``, so the lifespan, the thread pool and the
error handlers are exactly what ``uvicorn`` runs in production.
"""

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from shared.testing import ServerProcess, run_uvicorn

from .concurrent import send_all


@pytest.fixture
def server(solution: ModuleType, tmp_path: Path) -> Iterator[ServerProcess]:
    with run_uvicorn(f"{solution.__name__}:app", log_path=tmp_path / "uvicorn.log") as server:
        yield server


@pytest.mark.anyio
@pytest.mark.points(2)
async def test_a_real_server_serves_crud_and_keeps_concurrent_changes(
    server: ServerProcess,
) -> None:
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
        assert (await client.get("/items")).json() == []  # a new process, a new store
        created = await client.post("/items", json={"name": "콜드브루", "price": 5000})
        assert created.status_code == 201
        location = created.headers["location"]
        assert (await client.get(location)).json() == created.json()
        assert (await client.delete(location)).status_code == 204
        missing = await client.get(location)
        assert missing.status_code == 404
        assert isinstance(missing.json()["detail"], str)

        answers = await send_all(
            [client.post("/items", json={"name": f"서버 {n}", "price": 1}) for n in range(40)]
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
