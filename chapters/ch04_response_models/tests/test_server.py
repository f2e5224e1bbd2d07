"""Chapter 4: the app under a real uvicorn process — sign-ups of one username at the same moment.

The server is started from the solution's ``app`` (``solution.target``), so the lifespan and the
thread pool the sync routes run on are exactly what ``uvicorn`` runs in production.
"""

from pathlib import Path
from uuid import uuid4

import httpx
import pytest

from shared.testing import Solution, post_at_once, run_uvicorn

RACERS = 8  # requests sent at the same moment
PASSWORD = "correct-horse-42"


@pytest.mark.points(2)
@pytest.mark.timeout(150)  # a real process to start, then eight threads at once
def test_simultaneous_sign_ups_of_one_username_give_one_201_and_409s(
    solution: Solution, tmp_path: Path
) -> None:
    """같은 사용자 이름으로 동시에 보낸 가입 요청 8개는 `201` 하나와 `409` 일곱이고, 5xx는 없다.

    The losers get the usual 409 (the same body as a duplicate sent later), and the store
    holds the winner's user only: its ``full_name``, not a loser's."""
    username = f"racer_{uuid4().hex[:8]}"
    bodies = [
        {
            "username": username,
            "email": f"{username}@example.com",
            "password": PASSWORD,
            "full_name": f"가입자 {n}",
        }
        for n in range(RACERS)
    ]
    with run_uvicorn(
        solution.target,
        env={**solution.pythonpath},
        log_path=tmp_path / "server.log",
        cwd=tmp_path,
        timeout=90,
    ) as server:
        answers = post_at_once(server, "/users", bodies, warm_up="/keyword-weights")
        codes = sorted(answer.status_code for answer in answers)
        assert codes == [201] + [409] * (RACERS - 1), (codes, server.output[-4000:])

        with httpx.Client(base_url=server.url, timeout=30) as client:
            later = client.post("/users", json=bodies[0])
            assert later.status_code == 409
            assert isinstance(later.json()["detail"], str)
            assert username in later.json()["detail"]
            losers = [answer for answer in answers if answer.status_code == 409]
            assert all(answer.json() == later.json() for answer in losers)

            (winner,) = (answer.json() for answer in answers if answer.status_code == 201)
            assert client.get(f"/users/{username}").json() == winner
            listing = client.get("/users")
            assert listing.status_code == 200
            assert [user for user in listing.json() if user["username"] == username] == [winner]
