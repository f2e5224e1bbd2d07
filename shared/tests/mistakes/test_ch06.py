"""Chapter 6's classic mistakes, each planted once in the README-only solution
(``shared/tests/readme/ch06.py``): each costs exactly the tests about it (README 채점 기준,
"자주 하는 실수")."""

from pathlib import Path

import pytest

from shared.tests.mistakes import Mistake, check, mistake

TERM = "test_function_and_class.py::TestSearchTermFunction::"
PAGES = "test_function_and_class.py::TestPaginationClass::"
SUB = "test_sub_dependencies.py::"
YIELD = "test_yield_dependency.py::"
KEY = "test_api_key.py::"
CACHE = "test_caching.py::"
REQUEST_ID = "test_global_dependency.py::"
MALFORMED = [
    REQUEST_ID + f"test_a_malformed_request_id_is_422[{case}]"
    for case in ("space", "too-long", "non-ascii")
]

MISTAKES = [
    mistake(
        "the error entry records the message, not the class",
        "yield 의존성이 예외 클래스 이름 대신 메시지를 기록함",
        '"error": type(exc).__name__',
        '"error": str(exc)',
        YIELD + "test_connection_is_closed_when_the_endpoint_raises",
    ),
    mistake(
        "the clean-up is not in finally",
        "정리(close)를 finally가 아니라 yield 뒤에 둠",
        "    finally:\n"
        "        conn.close()\n"
        '        events.append({"connection": conn.id, "event": "close"})',
        '    conn.close()\n    events.append({"connection": conn.id, "event": "close"})',
        YIELD + "test_connection_is_closed_when_the_endpoint_raises",
        YIELD + "test_the_apps_own_log_shows_the_clean_up",
    ),
    mistake(
        "use_cache=False forgotten",
        "다시 실행해야 하는 의존성에 use_cache=False를 빠뜨림",
        "Depends(make_nonce, use_cache=False)",
        "Depends(make_nonce)",
        CACHE + "test_use_cache_false_runs_it_again",
        CACHE + "test_the_cache_lives_for_one_request_only",
    ),
    mistake(
        "q is not case-folded",
        "검색어의 대소문자를 통일하지 않음",
        "term = term.strip().casefold()",
        "term = term.strip()",
        TERM + "test_q_is_trimmed_and_case_folded_before_filtering",
        SUB + "test_q_wins_over_the_cookie_and_is_cleaned_by_the_inner_dependency",
    ),
    mistake(
        "the list is off by one page",
        "목록이 한 쪽 밀림",
        "return (self.page - 1) * self.size",
        "return self.page * self.size",
        PAGES + "test_page_and_size_select_a_slice_and_total_counts_all",
        PAGES + "test_defaults_are_page_1_size_10_and_past_the_end_is_empty",
    ),
    mistake(
        "no upper bound on the page size",
        "size에 상한(50)이 없음",
        'Query(ge=1, le=50, description="Items per page")',
        'Query(ge=1, description="Items per page")',
        PAGES + "test_bad_page_or_size_is_422[size-51]",
        "test_aliases.py::test_routes_sharing_the_alias_share_its_parameters",
    ),
    mistake(
        "the 401 has no challenge",
        "401에 WWW-Authenticate 헤더가 없음",
        '            headers={"WWW-Authenticate": "APIKey"},\n',
        "",
        KEY + "test_missing_key_is_401_with_a_challenge[/secure/report]",
        KEY + "test_missing_key_is_401_with_a_challenge[/secure/ping]",
    ),
    mistake(
        "a default key when API_KEY is not set",
        "API_KEY가 없을 때 짐작할 수 있는 기본 키를 씀",
        'os.environ.get("API_KEY") or None',
        'os.environ.get("API_KEY", "secret")',
        KEY + "test_without_a_configured_key_nothing_gets_in",
    ),
    mistake(
        "the caller's request id is replaced",
        "호출한 쪽이 보낸 X-Request-ID를 새 값으로 바꿈",
        "rid = x_request_id or str(uuid.uuid4())",
        "rid = str(uuid.uuid4())",
        REQUEST_ID + "test_a_callers_request_id_is_echoed",
    ),
    mistake(
        "the request id is not checked",
        "X-Request-ID의 형식을 확인하지 않음",
        "Header(pattern=REQUEST_ID_PATTERN, ",
        "Header(",
        *MALFORMED,
    ),
    mistake(
        "a bad cookie is refused",
        "잘못된 last_query 쿠키를 무시하지 않고 422로 거절함",
        "last_query: Annotated[str | None, Cookie()] = None",
        "last_query: Annotated[str | None, Cookie(max_length=50)] = None",
        SUB + "test_a_bad_cookie_is_ignored_not_refused[too-long]",
    ),
    mistake(
        "a search without a term finds everything",
        "검색어가 없는 /search가 모든 아이템을 돌려줌",
        "items, total = [], 0  # nothing to look for -> nothing found",
        "items, total = conn.search(None, pages.offset, pages.size)",
        SUB + "test_no_q_and_no_cookie_finds_nothing",
    ),
    mistake(
        "no lower bound on the id",
        "item_id에 하한이 없어 id 0이 404",
        "item_id: Annotated[int, Path(ge=1)]",
        "item_id: Annotated[int, Path()]",
        YIELD + "test_an_id_below_1_is_422",
    ),
]


@pytest.mark.parametrize("wrong", MISTAKES, ids=lambda wrong: wrong.name)
def test_a_mistake_costs_only_its_own_tests(grade, tmp_path: Path, wrong: Mistake) -> None:
    check(grade, "ch06", wrong, tmp_path)
