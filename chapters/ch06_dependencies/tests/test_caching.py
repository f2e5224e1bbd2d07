"""챕터 6: 한 요청 안에서 의존성은 몇 번을 요구받든 한 번만 실행된다.

``make_nonce``는 실행마다 새 무작위 값을 주므로 값이 같으면 한 번 실행된 것이다.
"""

import pytest
from fastapi.testclient import TestClient

from shared.testing import Solution


@pytest.fixture
def counting_nonce(solution: Solution, overrides: dict) -> list[str]:
    """``make_nonce``를 실행 횟수를 세는 것으로 바꾼다. 목록에는 만든 값이 모두 든다."""
    made: list[str] = []

    def numbered() -> str:
        made.append(f"run-{len(made) + 1}")
        return made[-1]

    why = "의존성이 한 요청에서 몇 번 실행되는지 세려면 필요합니다"
    overrides[solution.hook("make_nonce", why)] = numbered
    return made


@pytest.mark.points(2)
def test_one_run_per_request_for_direct_and_sub_dependency_uses(
    client: TestClient, counting_nonce: list[str]
) -> None:
    """한 요청에서 직접, 그리고 하위 의존성으로 여러 번 요청한 `make_nonce`는 한 번만 실행된다."""
    body = client.get("/nonces/cached").json()
    assert counting_nonce == ["run-1"]
    assert (body["first"], body["second"]) == ("run-1", "run-1")
    assert body["via_sub_dependency"].endswith("run-1")  # the value, or the value signed


@pytest.mark.points(2)
def test_use_cache_false_runs_it_again(client: TestClient, counting_nonce: list[str]) -> None:
    """`use_cache=False`로 요청하면 같은 요청 안에서도 의존성이 다시 실행된다."""
    body = client.get("/nonces/uncached").json()
    assert counting_nonce == ["run-1", "run-2"]
    assert {body["first"], body["second"]} == {"run-1", "run-2"}


def test_the_cache_lives_for_one_request_only(client: TestClient) -> None:
    """의존성 캐시는 한 요청 동안만 유지되어 요청마다 새 값이 나온다."""

    def nonce_of(path: str, key: str = "first") -> str:
        return client.get(path).json()[key]

    one, two = nonce_of("/nonces/cached"), nonce_of("/nonces/cached")
    assert one != two
    body = client.get("/nonces/uncached").json()
    assert body["first"] != body["second"]
    assert len({one, two, body["first"], body["second"]}) == 4


def test_values_are_random_not_fixed(client: TestClient) -> None:
    """`/nonces/cached`의 값은 요청마다 다른 무작위 값이다."""
    seen: set[str] = set()
    for _ in range(3):
        body = client.get("/nonces/cached").json()
        assert body["first"] == body["second"]
        assert body["via_sub_dependency"].endswith(body["first"])
        seen.add(body["first"])
    assert len(seen) == 3
