"""Chapter 1's classic mistakes, each planted once in the README-only solution: it costs only
the tests about it (the README's 자주 하는 실수 table lists the same)."""

from pathlib import Path

import pytest

from shared.tests.mistakes import Mistake, check, mistake

METHODS = "test_main.py::test_each_http_method_has_its_own_path_operation"
DOCS_PATHS = "test_docs.py::test_openapi_lists_every_path_operation"
METADATA = "test_docs.py::test_app_metadata_is_set"
TAGS = "test_docs.py::test_every_operation_has_a_declared_tag"

MISTAKES = [
    mistake(
        "post-answers-200",
        "`POST`가 `201` 대신 기본값 `200`으로 답함",
        '@app.post("/methods", status_code=status.HTTP_201_CREATED, tags=["methods"])',
        '@app.post("/methods", tags=["methods"])',
        f"{METHODS}[POST-201]",
    ),
    mistake(
        "delete-answers-200",
        "`DELETE`에 `status_code=204`를 빠뜨려 `200 null`로 답함",
        '@app.delete("/methods", status_code=status.HTTP_204_NO_CONTENT, tags=["methods"])',
        '@app.delete("/methods", tags=["methods"])',
        "test_main.py::test_delete_answers_204_with_empty_body",
    ),
    mistake(
        "method-name-lowercase",
        '응답의 `method`를 소문자로 적음(`"get"`)',
        '"method": "GET", "meaning"',
        '"method": "get", "meaning"',
        f"{METHODS}[GET-200]",
    ),
    mistake(
        "path-typo",
        "`PUT`의 경로를 `/method`로 잘못 적음",
        '@app.put("/methods"',
        '@app.put("/method"',
        f"{METHODS}[PUT-200]",
        DOCS_PATHS,
    ),
    mistake(
        "no-meaning",
        "`PATCH`의 응답에 `meaning`을 빠뜨림",
        '{"method": "PATCH", "meaning": MEANINGS["PATCH"]}',
        '{"method": "PATCH"}',
        f"{METHODS}[PATCH-200]",
    ),
    mistake(
        "root-returns-text",
        "`GET /`가 JSON 객체가 아니라 문자열을 돌려줌",
        'return {"message": "안녕하세요, FastAPI!"}',
        'return "안녕하세요, FastAPI!"',
        "test_main.py::test_root_returns_json_message",
        "test_cli.py::test_fastapi_cli_serves_the_app",
    ),
    mistake(
        "health-status-uppercase",
        '헬스 체크가 `{"status": "OK"}`를 돌려줌',
        'return {"status": "ok"}',
        'return {"status": "OK"}',
        "test_main.py::test_health_check_reports_ok",
    ),
    mistake(
        "default-version",
        "`version`을 적지 않아 FastAPI 기본값 `0.1.0`이 남음",
        '    version="1.0.0",\n',
        "",
        METADATA,
    ),
    mistake(
        "route-hidden-from-docs",
        "경로 처리를 `include_in_schema=False`로 문서에서 숨김",
        '@app.get("/health", tags=["ops"])',
        '@app.get("/health", tags=["ops"], include_in_schema=False)',
        DOCS_PATHS,
    ),
    mistake(
        "untagged-route",
        "경로 처리 하나에 태그를 달지 않음",
        '@app.get("/", tags=["hello"])',
        '@app.get("/")',
        TAGS,
    ),
    mistake(
        "undeclared-tag",
        "`openapi_tags`에 선언하지 않은 태그를 씀",
        '@app.get("/health", tags=["ops"])',
        '@app.get("/health", tags=["health"])',
        TAGS,
    ),
]


@pytest.mark.parametrize("wrong", MISTAKES, ids=lambda wrong: wrong.name)
def test_a_mistake_costs_only_its_own_tests(grade, tmp_path: Path, wrong: Mistake) -> None:
    check(grade, "ch01", wrong, tmp_path)
