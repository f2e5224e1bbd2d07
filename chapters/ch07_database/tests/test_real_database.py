"""챕터 7: 오버라이드 없이 실제 파일에서 확인하는 앱의 연결(``DATABASE_URL``, 엔진, 테이블).

실제 uvicorn의 SQL 로그에는 행의 값이 남지 않는다. 동시 생성은 ``test_simultaneous_creates.py``에.
"""

from pathlib import Path
from uuid import uuid4

import httpx
import pytest

from shared.testing import Solution, post_at_once, run_uvicorn, sql_logging

from .live import rows_named, serve
from .test_items_crud import CREATED

RACERS = 8  # requests sent at the same moment


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
        # 200 or 201: the 201 is test_items_crud.py's to grade, the list test_pagination.py's.
        created = httpx.post(f"{server.url}/items", json={"name": "연필", "price": 500})
        assert created.status_code in CREATED, server.output
        item = created.json()
        assert httpx.get(f"{server.url}/items/{item['id']}").json() == item

    # Read the file itself, with no SQLAlchemy and no app: the row is really on disk.
    assert db_file.is_file(), "the folder and the file should have been made at startup"
    assert rows_named(db_file, "연필") == [(item["id"], "연필", 500)]


@pytest.mark.points(2)
@pytest.mark.timeout(180)
def test_sql_logging_shows_no_item_values(solution: Solution, tmp_path: Path) -> None:
    """SQL 로그를 켜도, 거부된 INSERT가 있어도 로그에 아이템의 값(파라미터)은 나오지 않는다.

    The engine hides parameters (``hide_parameters=True``): the log shows each statement but
    not the prices sent, neither for the stored row nor for the INSERTs the constraint refused."""
    name = f"연필 {uuid4().hex[:8]}"
    prices = [73_191_000 + n for n in range(RACERS)]  # nothing else in a log looks like these
    with serve(solution, tmp_path, **sql_logging(tmp_path)) as server:
        answers = post_at_once(server, "/items", [{"name": name, "price": p} for p in prices])
        assert {answer.status_code for answer in answers} & set(CREATED)
        # A duplicate sent alone: the database refuses its INSERT.
        httpx.post(f"{server.url}/items", json={"name": name, "price": prices[0]}, timeout=10)
    log = server.output
    assert "INSERT INTO items" in log, "SQL logging should have shown the statements"
    assert "[parameters:" not in log
    leaked = [price for price in prices if str(price) in log]
    assert leaked == [], f"prices in the log: {leaked}"
