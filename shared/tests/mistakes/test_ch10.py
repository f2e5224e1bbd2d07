"""Chapter 10's classic mistakes, each planted once in the README-only solution
(``shared/tests/readme/ch10.py``): each costs exactly the tests about it (README 채점 기준,
"자주 하는 실수").

The Celery tests are left out (``-k "not celery"``) and each run has two xdist workers, as in
``shared/tests/broken/test_ch10.py``: none of these mistakes is in the Celery path, and Redis
and worker processes would add a minute to every run.
"""

from pathlib import Path

import pytest

from shared.tests.mistakes import Mistake, check, mistake

AUTH = "test_bad_input.py::TestAuthInput::"
CACHE = "test_background_uses.py::TestItemsCache::"
NOTIFY = "test_notifications.py::"

MISTAKES = [
    mistake(
        "create answers 200 instead of 201",
        "아이템 생성이 201 대신 200으로 답함",
        '@app.post(\n    "/items",\n    status_code=status.HTTP_201_CREATED,',
        '@app.post(\n    "/items",\n    status_code=status.HTTP_200_OK,',
        "test_testclient.py::TestMethods::test_the_texts_first_example",
        "test_testclient.py::TestMethods::test_post",
        "test_items.py::TestItemsAPI::test_아이템_생성",
        "test_items.py::test_아이템_생성",
        "test_async.py::test_create_and_read_an_item",
    ),
    mistake(
        "the list is off by one page",
        "목록이 한 쪽 밀림(`(page - 1) * size` 대신 `page * size`)",
        "start = (page - 1) * size",
        "start = page * size",
        "test_testclient.py::TestMethods::test_get",
        "test_testclient.py::TestRequestOptions::test_query_params_page_and_size",
        CACHE + "test_list_is_cached_until_a_write_refreshes_it",
        CACHE + "test_every_kind_of_write_refreshes_the_list",
        "test_items.py::test_아이템_생성_후_목록에_나온다",
        "test_async.py::test_concurrent_requests_are_all_stored",
    ),
    mistake(
        "the audit line is written inside the request",
        "감사 로그를 백그라운드 작업이 아니라 경로 처리 함수 안에서 바로 씀",
        "self.background_tasks.add_task(write_audit_entry, self.settings.audit_log_path, entry)",
        "write_audit_entry(self.settings.audit_log_path, entry)",
        NOTIFY + "test_tasks_run_in_the_order_they_were_added",
    ),
    mistake(
        "no re-send at startup",
        "lifespan이 시작할 때 `pending` 알림을 다시 보내지 않음",
        "return factory, list(pending)",
        "return factory, []",
        NOTIFY + "test_startup_sends_what_an_earlier_process_left_pending",
        NOTIFY + "test_two_processes_recovering_one_row_send_it_once",
        "test_restart.py::test_a_delivery_cut_by_a_crash_is_made_after_the_restart[background]",
    ),
    mistake(
        "deliveries wait in the shared thread pool",
        "발송이 전용 limiter 없이 AnyIO의 공용 스레드 풀(40개)에서 SMTP 서버를 기다림",
        "        limiter=smtp_limiter(settings.smtp_max_connections),\n",
        "",
        "test_e2e.py::test_stalled_deliveries_do_not_hold_up_other_requests[background]",
    ),
    mistake(
        "the claim does not check the attempts",
        "행을 차지할 때 시도 횟수를 확인하지 않아 두 프로세스가 한 행을 보냄",
        "stmt = stmt.where(Notification.attempts == attempts_seen)",
        "stmt = stmt",
        NOTIFY + "test_two_processes_recovering_one_row_send_it_once",
    ),
    mistake(
        "a 401 without WWW-Authenticate",
        "토큰 검증의 401에 `WWW-Authenticate: Bearer`가 없음",
        'detail="Could not validate credentials",\n'
        '        headers={"WWW-Authenticate": "Bearer"},\n',
        'detail="Could not validate credentials",\n',
        AUTH + "test_missing_token_is_401_with_www_authenticate[empty-bearer]",
        AUTH + "test_forged_token_is_401",
    ),
    mistake(
        "a token without exp is accepted",
        "`exp`가 없는 토큰을 받아들임(만료되지 않는 토큰)",
        'options={"require": ["exp", "sub"]}',
        'options={"require": ["sub"]}',
        AUTH + "test_token_without_exp_is_401",
    ),
    mistake(
        "binary files get a line count",
        "`text/`가 아닌 파일에도 줄 수를 적음",
        "line_count=lines if is_text else None",
        "line_count=lines",
        "test_background_uses.py::TestUploadProcessing::test_binary_upload_has_no_line_count",
    ),
    mistake(
        "cleanup deletes pending notifications",
        "정리 작업이 아직 보내지 않은 `pending` 알림까지 지움",
        'Notification.status.in_(("sent", "failed")),',
        'Notification.status.in_(("sent", "failed", "pending")),',
        "test_background_uses.py::TestCleanup::test_cleanup_deletes_only_what_has_expired",
    ),
    mistake(
        "a taken name is a 500",
        "유니크 제약 위반(IntegrityError)을 잡지 않아 이미 있는 이름이 409가 아니라 500",
        "    except IntegrityError:\n        db.rollback()",
        "    except ValueError:\n        db.rollback()",
        "test_bad_input.py::TestUserInput::test_taken_username_is_409_and_nothing_is_stored",
        "test_limits.py::test_simultaneous_sign_ups_for_one_name_are_one_201_and_409s",
    ),
]


@pytest.mark.parametrize("wrong", MISTAKES, ids=lambda wrong: wrong.name)
def test_a_mistake_costs_only_its_own_tests(grade, tmp_path: Path, wrong: Mistake) -> None:
    check(grade, "ch10", wrong, tmp_path, "-k", "not celery", "-n", "2")
