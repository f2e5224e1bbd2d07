"""Chapter 7: the app's own wiring — ``DATABASE_URL``, engine, startup tables — on a real file.

No override here: a real uvicorn process reads ``DATABASE_URL`` (a file in ``tmp_path``, in a
folder that does not exist yet), creates its tables at startup and stores what it is sent.
"""

import sqlite3
from pathlib import Path

import httpx
import pytest

from shared.testing import Solution, run_uvicorn


@pytest.mark.points(3)
@pytest.mark.timeout(120)
def test_a_real_server_stores_items_in_the_configured_file(
    solution: Solution, tmp_path: Path
) -> None:
    """실제 uvicorn은 `DATABASE_URL`의 파일에 (폴더까지 만들어) 테이블을 만들고 저장한다."""
    db_file = tmp_path / "nested" / "data" / "items.db"
    env = {**solution.pythonpath, "DATABASE_URL": f"sqlite:///{db_file.as_posix()}"}

    # cwd: a solution that ignores DATABASE_URL writes its relative file here, not in the repo.
    with run_uvicorn(
        solution.target, env=env, cwd=tmp_path, log_path=tmp_path / "uvicorn.log"
    ) as server:
        created = httpx.post(f"{server.url}/items", json={"name": "연필", "price": 500})
        assert created.status_code == 201, server.output
        listing = httpx.get(f"{server.url}/items").json()
    assert listing["items"] == [created.json()]

    # Read the file itself, with no SQLAlchemy and no app: the row is really on disk.
    assert db_file.is_file(), "the folder and the file should have been made at startup"
    connection = sqlite3.connect(db_file)
    try:
        rows = connection.execute("SELECT id, name, price FROM items").fetchall()
    finally:
        connection.close()
    assert rows == [(created.json()["id"], "연필", 500)]
