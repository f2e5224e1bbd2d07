"""챕터 4: 진짜 uvicorn 프로세스의 앱, 같은 사용자 이름으로 동시에 보낸 가입.

서버는 풀이의 ``app``(``solution.target``)으로 띄우므로 lifespan과 스레드 풀이 실제 운영과 같다.
"""

from pathlib import Path
from uuid import uuid4

import httpx
import pytest

from shared.testing import Solution, post_at_once, run_uvicorn_cheap_argon2

RACERS = 8  # requests sent at the same moment
PASSWORD = "correct-horse-42"
# Our reference's hashing: its server hashes at the cheapest argon2 cost, as the in-process tests
# do (a learner's server, which does not import it, keeps its own).
SECURITY = f"{__package__.rpartition('.')[0]}.app.security"


@pytest.mark.points(2)
@pytest.mark.timeout(150)  # a real process to start, then eight threads at once
def test_simultaneous_sign_ups_of_one_username_give_one_201_and_409s(
    solution: Solution, tmp_path: Path
) -> None:
    """같은 사용자 이름으로 동시에 보낸 가입 요청 8개는 `201` 하나와 `409` 일곱이고, 5xx는 없다.

    진 쪽은 평소의 409(나중에 보낸 중복과 같은 본문)를 받고, 저장소에는 이긴 쪽의
    사용자만 있다: 그 ``full_name``이 남는다.
    """
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
    with run_uvicorn_cheap_argon2(
        SECURITY,
        solution.target,
        env={**solution.pythonpath},
        log_path=tmp_path / "server.log",
        cwd=tmp_path,
        timeout=90,
    ) as server:
        answers = post_at_once(server, "/users", bodies, warm_up="/keyword-weights")
        codes = sorted(answer.status_code for answer in answers)
        created = [code for code in codes if code in (200, 201)]  # the 201 is graded elsewhere
        assert (len(created), codes.count(409)) == (1, RACERS - 1), (codes, server.output[-4000:])

        with httpx.Client(base_url=server.url, timeout=30) as client:
            later = client.post("/users", json=bodies[0])
            assert later.status_code == 409
            assert isinstance(later.json()["detail"], str)
            losers = [answer for answer in answers if answer.status_code == 409]
            assert all(answer.json() == later.json() for answer in losers)

            (winner,) = (answer.json() for answer in answers if answer.status_code in (200, 201))
            assert client.get(f"/users/{username}").json()["full_name"] == winner["full_name"]
