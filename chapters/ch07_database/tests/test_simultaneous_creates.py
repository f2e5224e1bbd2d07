"""챕터 7: 실제 uvicorn에서 같은 이름을 동시에 만들면 유일 제약이 승자를 정한다.

진 쪽은 평소의 409를 받는다(``test_real_database.py``와 같은 실제 연결, 오버라이드 없음).
"""

from pathlib import Path
from uuid import uuid4

import httpx
import pytest

from shared.testing import Solution

from .live import post_together, rows_named, serve
from .test_items_crud import CREATED

RACERS = 8  # requests sent at the same moment
ROUNDS = 24  # races run, each on a name of its own: under load, most races do not overlap


@pytest.mark.points(2)
@pytest.mark.timeout(180)
def test_simultaneous_creates_of_one_name_give_one_201_and_409s(
    solution: Solution, tmp_path: Path
) -> None:
    """같은 이름으로 동시에 보낸 생성 요청 8개는 201 하나와 409 일곱이고, 5xx는 없다(24번).

    The losers get the chapter's usual 409 (the same ``detail`` as a duplicate sent later),
    and the table holds the winner's row only: its price, not a loser's (read from the file,
    not through ``GET /items``, whose paging is test_pagination.py's). The winner may answer
    200 or 201 here: the 201 is graded by test_items_crud.py."""
    with serve(solution, tmp_path) as server:
        for name in (f"연필 {n} {uuid4().hex[:8]}" for n in range(ROUNDS)):
            bodies = [{"name": name, "price": 1000 + n} for n in range(RACERS)]
            answers = post_together(server.url, "/items", bodies)
            codes = sorted(answer.status_code for answer in answers)
            assert codes[0] in CREATED, (codes, server.output[-4000:])  # 200 or 201: one
            assert codes[1:] == [409] * (RACERS - 1), (codes, server.output[-4000:])

            later = httpx.post(f"{server.url}/items", json=bodies[0], timeout=10)
            assert later.status_code == 409
            assert later.json()["detail"]
            losers = [answer for answer in answers if answer.status_code == 409]
            assert all(answer.body == later.json() for answer in losers)

            (winner,) = (answer.body for answer in answers if answer.status_code in CREATED)
            assert rows_named(tmp_path / "items.db", name) == [
                (winner["id"], name, winner["price"])
            ]
