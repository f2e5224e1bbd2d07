"""Chapter 7: the app's own wiring — ``DATABASE_URL``, engine, startup tables — on a real file.

No override here: a real uvicorn process reads ``DATABASE_URL`` (a file in ``tmp_path``, in a
folder that does not exist yet), creates its tables at startup and stores what it is sent.
"""

import sqlite3
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from shared.testing import run_uvicorn


@pytest.mark.points(3)
def test_a_real_server_stores_items_in_the_configured_file(
    solution: ModuleType, tmp_path: Path
) -> None:
    db_file = tmp_path / "nested" / "data" / "items.db"
    env = {"DATABASE_URL": f"sqlite:///{db_file.as_posix()}"}

    with run_uvicorn(
        f"{solution.__name__}:app", env=env, log_path=tmp_path / "uvicorn.log"
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
