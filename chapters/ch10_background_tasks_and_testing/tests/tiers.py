"""챕터 10의 채점 범위(tier): 교재가 직접 가르치는 것을 확인하는 테스트의 목록, 여기 한 곳에만.

"교재 범위"는 교재(1절 `BackgroundTasks`, 3절 `TestClient`의 메서드와 JSON 본문, 4절의 pytest
테스트와 fixture, 5절의 `get_db` 오버라이드, 주의사항의 테스트 격리와 비동기 테스트)만으로 통과할
수 있는 테스트이고, 교재가 쓰는 이름(`app`, `get_db`, `SessionLocal`, `Base`)만 씁니다. 나머지는
모두 "더 나아가기"입니다: 우리 풀이의 확장(`get_settings`, `get_mailer`, `celery_app`, 알림 상태,
감사 로그, 업로드, 인증, 본문 크기 제한...)이 필요한 테스트.

``conftest.py``의 ``pytest_collection_modifyitems``가 이 목록으로 챕터의 모든 테스트에
``@pytest.mark.tier(...)``를 붙입니다. 항목은 ``파일::테스트``(클래스가 있으면
``파일::클래스::테스트``)이고, 매개변수가 있는 테스트는 모든 매개변수가 함께 들어갑니다.
"""

from __future__ import annotations

from pathlib import Path

import pytest

TEXT = "교재 범위"
BEYOND = "더 나아가기"

TEXT_TESTS = frozenset(
    {
        # 1절: `POST /send-notification`과 `print`하는 백그라운드 작업
        "test_text_tier.py::test_the_background_task_runs_and_leaves_its_output",
        "test_text_tier.py::test_each_request_runs_its_own_task",
        "test_text_tier.py::test_the_email_query_parameter_is_required",
        # 3절: `TestClient`의 주요 메서드와 `json=` 본문
        "test_testclient.py::TestMethods::test_the_texts_first_example",
        "test_testclient.py::TestMethods::test_get",
        "test_testclient.py::TestMethods::test_post",
        "test_testclient.py::TestMethods::test_put",
        "test_testclient.py::TestMethods::test_patch",
        "test_testclient.py::TestMethods::test_delete",
        "test_testclient.py::TestRequestOptions::test_json_body",
        # 4절: 교재의 `TestItemsAPI`와 fixture; 주의사항의 테스트 격리(5절의 `get_db`)
        "test_items.py::TestItemsAPI::test_아이템_목록_조회",
        "test_items.py::TestItemsAPI::test_아이템_생성",
        "test_items.py::TestItemsAPI::test_존재하지_않는_아이템_조회",
        "test_items.py::test_아이템_생성",
        "test_items.py::test_아이템_생성_후_목록에_나온다",
        "test_items.py::test_each_test_starts_with_an_empty_database",
        # 5절: `app.dependency_overrides[get_db]`와 복원
        "test_overrides.py::test_requests_use_the_test_database",
        "test_overrides.py::test_a_test_sees_exactly_its_own_overrides",
        "test_overrides.py::test_nothing_leaks_into_the_next_test",
        # 주의사항: 비동기 테스트
        "test_async.py::test_create_and_read_an_item",
        "test_async.py::test_concurrent_requests_are_all_stored",
    }
)


def name_in_tests(item: pytest.Item, tests: Path) -> str | None:
    """``파일::클래스::테스트``(매개변수 없이), 이 챕터의 테스트가 아니면 ``None``."""
    try:
        relative = item.path.relative_to(tests)
    except ValueError:
        return None
    test = item.nodeid.split("::", 1)[1] if "::" in item.nodeid else item.name
    return f"{relative.as_posix()}::{test.split('[', 1)[0]}"


def tier_of(name: str) -> str:
    return TEXT if name in TEXT_TESTS else BEYOND


def apply_tiers(items: list[pytest.Item], tests: Path) -> None:
    """이 챕터의 테스트 하나하나에 그 범위의 marker를 붙인다(다른 챕터의 테스트는 그대로)."""
    for item in items:
        name = name_in_tests(item, tests)
        if name is not None and item.get_closest_marker("tier") is None:
            item.add_marker(pytest.mark.tier(tier_of(name)))
