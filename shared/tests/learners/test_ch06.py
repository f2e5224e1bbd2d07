"""챕터 6 학습자 풀이(`ch06_deps.py`)의 채점: 빠진 것의 점수만 잃는다."""

LEARNER = "shared.tests.learners.ch06_deps"
HOOK_TESTS = {
    # get_event_log가 없다: yield 의존성의 기록을 테스트의 목록으로 바꿀 수 없다
    "test_yield_dependency.py::test_connection_is_opened_then_closed_around_a_request": (
        "get_event_log"
    ),
    "test_yield_dependency.py::test_connection_is_closed_when_the_endpoint_raises": (
        "get_event_log"
    ),
    "test_yield_dependency.py::test_each_request_gets_its_own_connection": "get_event_log",
}
EXPECTED_LOST = {
    *HOOK_TESTS,
    # 전역 의존성(X-Request-ID)이 없다
    "test_global_dependency.py::test_every_route_answers_with_a_new_request_id",
    "test_global_dependency.py::test_a_callers_request_id_is_echoed",
    "test_global_dependency.py::test_a_malformed_request_id_is_422[space]",
    "test_global_dependency.py::test_a_malformed_request_id_is_422[too-long]",
    "test_global_dependency.py::test_a_malformed_request_id_is_422[non-ascii]",
    # 쿠키에서 읽은 검색어의 길이를 확인하지 않아 60자 쿠키로 검색한다
    "test_sub_dependencies.py::test_a_bad_cookie_is_ignored_not_refused[too-long]",
    # item_id에 하한(Path(ge=1))이 없어 id 0이 422가 아니라 404다 (README: 1보다 작은 id는 422)
    "test_yield_dependency.py::test_an_id_below_1_is_422",
}


def test_learner_loses_only_what_the_code_lacks(grade) -> None:
    result = grade("ch06", LEARNER)
    assert result.errors == set()
    assert result.failed == EXPECTED_LOST
    for name, hook in HOOK_TESTS.items():
        assert f"`{hook}`" in result.messages[name]
    assert result.earned == result.possible - sum(result.lost.values())
    # 5 (event log) + 6 (request id) + 1 (cookie) + 1 (id 0)
    assert result.earned == result.possible - 13
