"""Chapter 10 graded against two solutions written from the course text alone (issue 11).

``ch10_text_only.py``: section 1's ``send_notification`` as the text shows it and the in-memory
``/items`` its tests call. ``ch10_text_complete.py``: the same with SQLAlchemy models, ``Base``,
``SessionLocal`` and ``get_db`` (section 5), paging, and the ``/login``, ``/protected`` and
``/upload`` of section 3's request options. Each loses exactly the tests of the hooks it lacks
(each failure names the hook) and of what it does not do; every other test passes, the text's
own ``TestItemsAPI`` among them. Both are graded by path (``--solution ch10=<file>``).

The Celery tests are left out (``-k "not celery"``), as in the broken proof: neither solution
has ``celery_app``, and they would add Redis and worker processes to these serial runs.

The two runs go at once, each a serial run in a subprocess of its own (its own ``--basetemp``).
Each waits half a second, not three, for the answer of a server without body limits
(``CH10_ANSWER_WAIT``, read by the chapter's ``test_limits.py``): neither solution has them,
and every test that waits for that answer is one this proof expects to fail.

The tier "교재 범위" (``tiers.py`` in the chapter's tests) is what the text teaches: the solution
with the text's names (``app``, ``get_db``, ``SessionLocal``, ``Base``) earns all of it; the
text-only one, without section 5's ``get_db``, loses only the tests of that override.
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from chapters.ch10_background_tasks_and_testing.tests.tiers import TEXT
from chapters.ch10_background_tasks_and_testing.tests.tiers import TEXT_TESTS as TIER_TESTS
from shared.grading.results import GroupScore, load, tier_scores
from shared.tests.conftest import PROOF_TIMEOUT, Grade, run_grading

LEARNERS = Path(__file__).parent
RESULTS: dict[str, Path] = {}  # each solution's results.json, written by the `grades` fixture

# The course text's own tests (section 4) and section 3's methods: both solutions pass them.
TEXT_TESTS = {
    "test_items.py::TestItemsAPI::test_아이템_목록_조회",
    "test_items.py::TestItemsAPI::test_아이템_생성",
    "test_items.py::TestItemsAPI::test_존재하지_않는_아이템_조회",
    "test_items.py::test_아이템_생성",
    "test_items.py::test_아이템_생성_후_목록에_나온다",
    "test_testclient.py::TestMethods::test_the_texts_first_example",
    "test_testclient.py::TestMethods::test_get",
    "test_testclient.py::TestMethods::test_post",
    "test_testclient.py::TestMethods::test_put",
    "test_testclient.py::TestMethods::test_patch",
    "test_testclient.py::TestMethods::test_delete",
    "test_testclient.py::TestRequestOptions::test_json_body",
}

# Tests that need a hook the solution lacks: each fails with one line naming it. The text-only
# solution has none: neither `get_db` and `Base` nor `get_settings` nor `get_mailer`.
TEXT_ONLY_HOOKS = {
    "get_db": {
        "test_async.py::test_bad_input_is_a_422_here_too",
        "test_auth.py::test_register_stores_an_argon2_hash_not_the_password",
        "test_background_uses.py::TestCleanup::test_cleanup_deletes_only_what_has_expired",
        "test_background_uses.py::TestItemsCache::test_list_is_cached_until_a_write_refreshes_it",
        "test_bad_input.py::TestItemInput::test_invalid_item_is_422_and_nothing_is_stored"
        "[empty-name]",
        "test_bad_input.py::TestItemInput::test_invalid_item_is_422_and_nothing_is_stored"
        "[fraction]",
        "test_bad_input.py::TestItemInput::test_invalid_item_is_422_and_nothing_is_stored"
        "[missing-name]",
        "test_bad_input.py::TestItemInput::test_invalid_item_is_422_and_nothing_is_stored"
        "[missing-price]",
        "test_bad_input.py::TestItemInput::test_invalid_item_is_422_and_nothing_is_stored"
        "[negative-price]",
        "test_bad_input.py::TestItemInput::test_invalid_item_is_422_and_nothing_is_stored[text]",
        "test_bad_input.py::TestItemInput::test_unknown_item_is_404_and_nothing_is_stored[DELETE]",
        "test_bad_input.py::TestItemInput::test_unknown_item_is_404_and_nothing_is_stored[GET]",
        "test_bad_input.py::TestItemInput::test_unknown_item_is_404_and_nothing_is_stored[PATCH]",
        "test_bad_input.py::TestItemInput::test_unknown_item_is_404_and_nothing_is_stored[PUT]",
        "test_bad_input.py::TestNotificationInput::test_invalid_email_is_422_and_nothing_is_sent"
        "[@b.co]",
        "test_bad_input.py::TestNotificationInput::test_invalid_email_is_422_and_nothing_is_sent[]",
        "test_bad_input.py::TestNotificationInput::test_invalid_email_is_422_and_nothing_is_sent"
        "[a b@c.co]",
        "test_bad_input.py::TestNotificationInput::test_invalid_email_is_422_and_nothing_is_sent"
        "[a@]",
        "test_bad_input.py::TestNotificationInput::test_invalid_email_is_422_and_nothing_is_sent"
        "[not-an-email]",
        "test_bad_input.py::TestNotificationInput::test_missing_email_is_422",
        "test_bad_input.py::TestUploadInput::test_missing_file_is_422",
        "test_bad_input.py::TestUserInput::test_invalid_user_is_422_and_nothing_is_stored"
        "[bad-characters]",
        "test_bad_input.py::TestUserInput::test_invalid_user_is_422_and_nothing_is_stored"
        "[no-password]",
        "test_bad_input.py::TestUserInput::test_invalid_user_is_422_and_nothing_is_stored"
        "[short-name]",
        "test_bad_input.py::TestUserInput::test_invalid_user_is_422_and_nothing_is_stored"
        "[short-password]",
        "test_bad_input.py::TestUserInput::test_taken_username_is_409_and_nothing_is_stored",
        "test_documented_answers.py::test_a_user_body_that_is_not_utf8_is_a_documented_400",
        "test_documented_answers.py::test_an_id_past_sqlite_integers_is_422_not_500"
        "[DELETE /items/{item_id}]",
        "test_documented_answers.py::test_an_id_past_sqlite_integers_is_422_not_500"
        "[GET /items/{item_id}]",
        "test_documented_answers.py::test_an_id_past_sqlite_integers_is_422_not_500"
        "[GET /notifications/{notification_id}]",
        "test_documented_answers.py::test_an_id_past_sqlite_integers_is_422_not_500"
        "[GET /uploads/{upload_id}]",
        "test_documented_answers.py::test_an_id_past_sqlite_integers_is_422_not_500"
        "[PATCH /items/{item_id}]",
        "test_documented_answers.py::test_an_id_past_sqlite_integers_is_422_not_500"
        "[PUT /items/{item_id}]",
        "test_documented_answers.py::test_an_item_body_that_is_not_utf8_is_a_documented_400"
        "[PATCH-/items/{item_id}]",
        "test_documented_answers.py::test_an_item_body_that_is_not_utf8_is_a_documented_400"
        "[POST-/items]",
        "test_documented_answers.py::test_an_item_body_that_is_not_utf8_is_a_documented_400"
        "[PUT-/items/{item_id}]",
        "test_documented_answers.py::test_multipart_without_a_boundary_is_a_documented_400[/login]",
        "test_documented_answers.py::test_multipart_without_a_boundary_is_a_documented_400"
        "[/upload]",
        "test_items.py::test_each_test_starts_with_an_empty_database",
        "test_notifications.py::test_startup_sends_what_an_earlier_process_left_pending",
        "test_notifications.py::test_two_processes_recovering_one_row_send_it_once",
        "test_overrides.py::test_a_test_sees_exactly_its_own_overrides",
        "test_overrides.py::test_background_tasks_use_the_test_database_too",
        "test_overrides.py::test_nothing_leaks_into_the_next_test",
        "test_overrides.py::test_overridden_restores_exactly_the_previous_overrides",
        "test_overrides.py::test_requests_use_the_test_database",
    },
    "get_mailer": {
        "test_async.py::test_notification_is_sent_when_the_response_is_complete",
        "test_notifications.py::test_a_task_whose_database_fails_is_logged_and_the_app_goes_on",
        "test_notifications.py::test_background_task_sends_the_welcome_email",
        "test_notifications.py::test_tasks_run_in_the_order_they_were_added",
        "test_task_errors.py::test_failed_delivery_is_logged_stored_and_not_sent_to_the_client",
        "test_task_errors.py::test_the_app_keeps_serving_after_a_task_failed",
    },
    "get_settings": {
        "test_auth.py::test_login_token_is_a_signed_jwt_naming_the_user",
        "test_background_uses.py::TestAuditLog"
        "::test_each_write_appends_one_line_after_the_response",
        "test_background_uses.py::TestAuditLog::test_reads_and_failed_requests_write_no_line",
        "test_background_uses.py::TestCleanup::test_cleanup_without_uploads_folder_is_fine",
        "test_background_uses.py::TestUploadProcessing::test_same_name_twice_keeps_both_files",
        "test_background_uses.py::TestUploadProcessing"
        "::test_text_upload_is_measured_in_the_background",
        "test_bad_input.py::TestAuthInput::test_cleanup_needs_a_token",
        "test_bad_input.py::TestAuthInput::test_expired_token_is_401",
        "test_bad_input.py::TestAuthInput::test_token_of_an_unknown_user_is_401",
        "test_bad_input.py::TestAuthInput::test_token_without_exp_is_401",
        "test_bad_input.py::TestUploadInput"
        "::test_file_name_with_a_path_is_400_and_nothing_is_stored[../../etc/passwd]",
        "test_bad_input.py::TestUploadInput"
        "::test_file_name_with_a_path_is_400_and_nothing_is_stored[../evil.txt]",
        "test_bad_input.py::TestUploadInput"
        "::test_file_name_with_a_path_is_400_and_nothing_is_stored[..\\\\evil.txt]",
        "test_bad_input.py::TestUploadInput"
        "::test_file_name_with_a_path_is_400_and_nothing_is_stored[..]",
        "test_bad_input.py::TestUploadInput"
        "::test_file_name_with_a_path_is_400_and_nothing_is_stored[a/../../b.txt]",
        "test_bad_input.py::TestUploadInput::test_oversized_upload_is_413_and_nothing_is_stored",
        "test_notifications.py::test_the_real_mailer_delivers_to_an_smtp_server",
        "test_overrides.py::test_the_outbox_replaces_the_mailer",
        "test_settings.py::test_bad_values_are_refused_at_startup[backend]",
        "test_settings.py::test_bad_values_are_refused_at_startup[header-injection]",
        "test_settings.py::test_bad_values_are_refused_at_startup[no-address]",
        "test_settings.py::test_bad_values_are_refused_at_startup[port]",
        "test_settings.py::test_bad_values_are_refused_at_startup[short-key]",
        "test_settings.py::test_bad_values_are_refused_at_startup[visibility]",
        "test_settings.py::test_defaults_need_nothing_installed",
        "test_settings.py::test_every_setting_comes_from_the_environment",
        "test_settings.py::test_unset_secret_key_is_random_per_process_with_a_warning",
        "test_task_errors.py::test_a_failing_audit_write_is_logged_and_the_write_stands",
        "test_task_errors.py::test_a_refused_smtp_connection_is_a_failed_notification",
    },
    "Base": {
        "test_restart.py::test_a_delivery_cut_by_a_crash_is_made_after_the_restart[background]",
    },
}
TEXT_ONLY_OTHER = {
    # no `/upload`, `/uploads/{id}`
    "test_background_uses.py::TestUploadProcessing::test_binary_upload_has_no_line_count",
    # no `/protected`
    "test_bad_input.py::TestAuthInput::test_forged_token_is_401",
    "test_bad_input.py::TestAuthInput::test_missing_token_is_401_with_www_authenticate[basic]",
    "test_bad_input.py::TestAuthInput::test_missing_token_is_401_with_www_authenticate"
    "[empty-bearer]",
    "test_bad_input.py::TestAuthInput::test_missing_token_is_401_with_www_authenticate[no-header]",
    # no `/login`
    "test_bad_input.py::TestAuthInput::test_login_with_json_instead_of_form_is_422",
    "test_bad_input.py::TestAuthInput::test_wrong_login_is_401[unknown-user]",
    "test_bad_input.py::TestAuthInput::test_wrong_login_is_401[wrong-password]",
    # no `page`/`size` on `GET /items`
    "test_bad_input.py::TestItemInput::test_bad_page_or_size_is_422[{'page': 'x'}]",
    "test_bad_input.py::TestItemInput::test_bad_page_or_size_is_422[{'page': 0}]",
    "test_bad_input.py::TestItemInput::test_bad_page_or_size_is_422[{'size': 0}]",
    "test_bad_input.py::TestItemInput::test_bad_page_or_size_is_422[{'size': 101}]",
    "test_testclient.py::TestRequestOptions::test_query_params_page_and_size",
    # `ItemUpdate` accepts a negative price or null (the in-memory dict stores them)
    "test_bad_input.py::TestItemInput::test_invalid_update_is_422_and_the_item_is_unchanged"
    "[negative]",
    "test_bad_input.py::TestItemInput::test_invalid_update_is_422_and_the_item_is_unchanged[null2]",
    "test_bad_input.py::TestItemInput::test_invalid_update_is_422_and_the_item_is_unchanged[null]",
    # no `/notifications/{id}`, `/uploads/{id}`
    "test_bad_input.py::TestItemInput::test_non_numeric_id_is_422[/notifications/abc]",
    "test_bad_input.py::TestItemInput::test_non_numeric_id_is_422[/uploads/1.5]",
    # no `/upload`
    "test_documented_answers.py::test_a_file_too_large_is_a_documented_413",
    # no `/protected`
    "test_documented_answers.py::test_a_missing_token_is_a_documented_401_with_www_authenticate"
    "[GET-/protected]",
    # no `/login`
    "test_documented_answers.py::test_a_wrong_login_is_a_documented_401_with_www_authenticate",
    # no `/maintenance/cleanup`
    "test_documented_answers.py::test_a_missing_token_is_a_documented_401_with_www_authenticate"
    "[POST-/maintenance/cleanup]",
    # the 404 is not in `/openapi.json`
    "test_documented_answers.py::test_an_unknown_id_is_a_documented_404[DELETE /items/{item_id}]",
    "test_documented_answers.py::test_an_unknown_id_is_a_documented_404[GET /items/{item_id}]",
    "test_documented_answers.py::test_an_unknown_id_is_a_documented_404[PATCH /items/{item_id}]",
    "test_documented_answers.py::test_an_unknown_id_is_a_documented_404[PUT /items/{item_id}]",
    # no `/notifications/{id}`
    "test_documented_answers.py::test_an_unknown_id_is_a_documented_404"
    "[GET /notifications/{notification_id}]",
    # no `/uploads/{id}`
    "test_documented_answers.py::test_an_unknown_id_is_a_documented_404[GET /uploads/{upload_id}]",
    # answers 200 without a notification id (the text's route)
    "test_e2e.py::test_100_concurrent_requests_lose_no_mail[background]",
    "test_e2e.py::test_100_concurrent_status_reads_all_answer[background]",
    "test_e2e.py::test_a_refused_recipient_is_recorded_as_failed[background]",
    "test_e2e.py::test_stalled_deliveries_do_not_hold_up_other_requests[background]",
    "test_e2e.py::test_the_response_does_not_wait_for_a_slow_smtp_server[background]",
    "test_e2e.py::test_the_smtp_server_receives_the_email[background]",
    # no `notifications` table in the server's database
    "test_e2e.py::test_a_reader_holding_the_database_does_not_fail_requests[background]",
    # answers 200, no id or `Location` (the text's route)
    "test_notifications.py::test_send_notification_answers_202_with_its_id_and_location",
    # no notification id, no `/notifications/{id}`
    "test_notifications.py::test_status_turns_sent_after_the_delivery",
    # no notification id; the text's task `print`s, logs nothing
    "test_notifications.py::test_without_smtp_host_the_mail_is_written_to_the_log",
    # no `/upload`
    "test_testclient.py::TestRequestOptions::test_file_upload_from_an_open_file",
    # no `/login`, `/protected`
    "test_testclient.py::TestRequestOptions::test_form_data_login",
    "test_testclient.py::TestRequestOptions::test_headers_bearer_token",
    # no body limits, no 409 for a taken name: `test_limits.py` (real uvicorn and TestClient)
    "test_limits.py::test_a_chunked_upload_is_cut_off_at_the_limit",
    "test_limits.py::test_a_declared_huge_body_is_413_before_a_byte_is_read[json]",
    "test_limits.py::test_a_declared_huge_body_is_413_before_a_byte_is_read[upload]",
    "test_limits.py::test_a_json_body_over_its_limit_is_413_and_stores_nothing",
    "test_limits.py::test_a_rejected_value_is_echoed_only_in_part",
    "test_limits.py::test_simultaneous_sign_ups_for_one_name_are_one_201_and_409s",
}

# It has `get_db` and `Base`, but neither `get_settings` nor `get_mailer`.
TEXT_COMPLETE_HOOKS = {
    "get_mailer": {
        "test_async.py::test_notification_is_sent_when_the_response_is_complete",
        "test_bad_input.py::TestNotificationInput::test_invalid_email_is_422_and_nothing_is_sent"
        "[@b.co]",
        "test_bad_input.py::TestNotificationInput::test_invalid_email_is_422_and_nothing_is_sent[]",
        "test_bad_input.py::TestNotificationInput::test_invalid_email_is_422_and_nothing_is_sent"
        "[a b@c.co]",
        "test_bad_input.py::TestNotificationInput::test_invalid_email_is_422_and_nothing_is_sent"
        "[a@]",
        "test_bad_input.py::TestNotificationInput::test_invalid_email_is_422_and_nothing_is_sent"
        "[not-an-email]",
        "test_notifications.py::test_a_task_whose_database_fails_is_logged_and_the_app_goes_on",
        "test_notifications.py::test_background_task_sends_the_welcome_email",
        "test_notifications.py::test_startup_sends_what_an_earlier_process_left_pending",
        "test_notifications.py::test_tasks_run_in_the_order_they_were_added",
        "test_notifications.py::test_two_processes_recovering_one_row_send_it_once",
        "test_task_errors.py::test_failed_delivery_is_logged_stored_and_not_sent_to_the_client",
        "test_task_errors.py::test_the_app_keeps_serving_after_a_task_failed",
    },
    "get_settings": {
        "test_auth.py::test_login_token_is_a_signed_jwt_naming_the_user",
        "test_background_uses.py::TestAuditLog"
        "::test_each_write_appends_one_line_after_the_response",
        "test_background_uses.py::TestAuditLog::test_reads_and_failed_requests_write_no_line",
        "test_background_uses.py::TestCleanup::test_cleanup_deletes_only_what_has_expired",
        "test_background_uses.py::TestCleanup::test_cleanup_without_uploads_folder_is_fine",
        "test_background_uses.py::TestUploadProcessing::test_same_name_twice_keeps_both_files",
        "test_background_uses.py::TestUploadProcessing"
        "::test_text_upload_is_measured_in_the_background",
        "test_bad_input.py::TestAuthInput::test_cleanup_needs_a_token",
        "test_bad_input.py::TestAuthInput::test_expired_token_is_401",
        "test_bad_input.py::TestAuthInput::test_token_of_an_unknown_user_is_401",
        "test_bad_input.py::TestAuthInput::test_token_without_exp_is_401",
        "test_bad_input.py::TestItemInput::test_invalid_item_is_422_and_nothing_is_stored"
        "[empty-name]",
        "test_bad_input.py::TestItemInput::test_invalid_item_is_422_and_nothing_is_stored"
        "[fraction]",
        "test_bad_input.py::TestItemInput::test_invalid_item_is_422_and_nothing_is_stored"
        "[missing-name]",
        "test_bad_input.py::TestItemInput::test_invalid_item_is_422_and_nothing_is_stored"
        "[missing-price]",
        "test_bad_input.py::TestItemInput::test_invalid_item_is_422_and_nothing_is_stored"
        "[negative-price]",
        "test_bad_input.py::TestItemInput::test_invalid_item_is_422_and_nothing_is_stored[text]",
        "test_bad_input.py::TestItemInput::test_unknown_item_is_404_and_nothing_is_stored[DELETE]",
        "test_bad_input.py::TestItemInput::test_unknown_item_is_404_and_nothing_is_stored[GET]",
        "test_bad_input.py::TestItemInput::test_unknown_item_is_404_and_nothing_is_stored[PATCH]",
        "test_bad_input.py::TestItemInput::test_unknown_item_is_404_and_nothing_is_stored[PUT]",
        "test_bad_input.py::TestUploadInput"
        "::test_file_name_with_a_path_is_400_and_nothing_is_stored[../../etc/passwd]",
        "test_bad_input.py::TestUploadInput"
        "::test_file_name_with_a_path_is_400_and_nothing_is_stored[../evil.txt]",
        "test_bad_input.py::TestUploadInput"
        "::test_file_name_with_a_path_is_400_and_nothing_is_stored[..\\\\evil.txt]",
        "test_bad_input.py::TestUploadInput"
        "::test_file_name_with_a_path_is_400_and_nothing_is_stored[..]",
        "test_bad_input.py::TestUploadInput"
        "::test_file_name_with_a_path_is_400_and_nothing_is_stored[a/../../b.txt]",
        "test_bad_input.py::TestUploadInput::test_oversized_upload_is_413_and_nothing_is_stored",
        "test_bad_input.py::TestUserInput::test_taken_username_is_409_and_nothing_is_stored",
        "test_documented_answers.py::test_an_id_past_sqlite_integers_is_422_not_500"
        "[DELETE /items/{item_id}]",
        "test_documented_answers.py::test_an_id_past_sqlite_integers_is_422_not_500"
        "[GET /items/{item_id}]",
        "test_documented_answers.py::test_an_id_past_sqlite_integers_is_422_not_500"
        "[GET /notifications/{notification_id}]",
        "test_documented_answers.py::test_an_id_past_sqlite_integers_is_422_not_500"
        "[GET /uploads/{upload_id}]",
        "test_documented_answers.py::test_an_id_past_sqlite_integers_is_422_not_500"
        "[PATCH /items/{item_id}]",
        "test_documented_answers.py::test_an_id_past_sqlite_integers_is_422_not_500"
        "[PUT /items/{item_id}]",
        "test_notifications.py::test_the_real_mailer_delivers_to_an_smtp_server",
        "test_overrides.py::test_the_outbox_replaces_the_mailer",
        "test_settings.py::test_bad_values_are_refused_at_startup[backend]",
        "test_settings.py::test_bad_values_are_refused_at_startup[header-injection]",
        "test_settings.py::test_bad_values_are_refused_at_startup[no-address]",
        "test_settings.py::test_bad_values_are_refused_at_startup[port]",
        "test_settings.py::test_bad_values_are_refused_at_startup[short-key]",
        "test_settings.py::test_bad_values_are_refused_at_startup[visibility]",
        "test_settings.py::test_defaults_need_nothing_installed",
        "test_settings.py::test_every_setting_comes_from_the_environment",
        "test_settings.py::test_unset_secret_key_is_random_per_process_with_a_warning",
        "test_task_errors.py::test_a_failing_audit_write_is_logged_and_the_write_stands",
        "test_task_errors.py::test_a_refused_smtp_connection_is_a_failed_notification",
    },
}
TEXT_COMPLETE_OTHER = {
    # accepts a negative price
    "test_async.py::test_bad_input_is_a_422_here_too",
    # no `POST /users`
    "test_auth.py::test_register_stores_an_argon2_hash_not_the_password",
    "test_bad_input.py::TestUserInput::test_invalid_user_is_422_and_nothing_is_stored"
    "[bad-characters]",
    "test_bad_input.py::TestUserInput::test_invalid_user_is_422_and_nothing_is_stored[no-password]",
    "test_bad_input.py::TestUserInput::test_invalid_user_is_422_and_nothing_is_stored[short-name]",
    "test_bad_input.py::TestUserInput::test_invalid_user_is_422_and_nothing_is_stored"
    "[short-password]",
    "test_documented_answers.py::test_a_user_body_that_is_not_utf8_is_a_documented_400",
    # no cache: `GET /items` reads the database
    "test_background_uses.py::TestItemsCache::test_list_is_cached_until_a_write_refreshes_it",
    # no `/uploads/{id}` with the processing result
    "test_background_uses.py::TestUploadProcessing::test_binary_upload_has_no_line_count",
    # `ItemUpdate` accepts a negative price or null (null: NOT NULL fails, a 500)
    "test_bad_input.py::TestItemInput::test_invalid_update_is_422_and_the_item_is_unchanged"
    "[negative]",
    "test_bad_input.py::TestItemInput::test_invalid_update_is_422_and_the_item_is_unchanged[null2]",
    "test_bad_input.py::TestItemInput::test_invalid_update_is_422_and_the_item_is_unchanged[null]",
    # no `/notifications/{id}`, `/uploads/{id}`
    "test_bad_input.py::TestItemInput::test_non_numeric_id_is_422[/notifications/abc]",
    "test_bad_input.py::TestItemInput::test_non_numeric_id_is_422[/uploads/1.5]",
    # no `notifications` table
    "test_bad_input.py::TestNotificationInput::test_missing_email_is_422",
    # answers 200 without a notification id (the text's route)
    "test_restart.py::test_a_delivery_cut_by_a_crash_is_made_after_the_restart[background]",
    # no `uploads` table
    "test_bad_input.py::TestUploadInput::test_missing_file_is_422",
    "test_overrides.py::test_background_tasks_use_the_test_database_too",
    # no 413 for a file too large
    "test_documented_answers.py::test_a_file_too_large_is_a_documented_413",
    # the 401 is not in `/openapi.json`
    "test_documented_answers.py::test_a_missing_token_is_a_documented_401_with_www_authenticate"
    "[GET-/protected]",
    "test_documented_answers.py::test_a_wrong_login_is_a_documented_401_with_www_authenticate",
    # no `/maintenance/cleanup`
    "test_documented_answers.py::test_a_missing_token_is_a_documented_401_with_www_authenticate"
    "[POST-/maintenance/cleanup]",
    # the 400 is not in `/openapi.json`
    "test_documented_answers.py::test_an_item_body_that_is_not_utf8_is_a_documented_400"
    "[PATCH-/items/{item_id}]",
    "test_documented_answers.py::test_an_item_body_that_is_not_utf8_is_a_documented_400"
    "[POST-/items]",
    "test_documented_answers.py::test_an_item_body_that_is_not_utf8_is_a_documented_400"
    "[PUT-/items/{item_id}]",
    "test_documented_answers.py::test_multipart_without_a_boundary_is_a_documented_400[/login]",
    "test_documented_answers.py::test_multipart_without_a_boundary_is_a_documented_400[/upload]",
    # the 404 is not in `/openapi.json`
    "test_documented_answers.py::test_an_unknown_id_is_a_documented_404[DELETE /items/{item_id}]",
    "test_documented_answers.py::test_an_unknown_id_is_a_documented_404[GET /items/{item_id}]",
    "test_documented_answers.py::test_an_unknown_id_is_a_documented_404[PATCH /items/{item_id}]",
    "test_documented_answers.py::test_an_unknown_id_is_a_documented_404[PUT /items/{item_id}]",
    # no `/notifications/{id}`
    "test_documented_answers.py::test_an_unknown_id_is_a_documented_404"
    "[GET /notifications/{notification_id}]",
    # no `/uploads/{id}`
    "test_documented_answers.py::test_an_unknown_id_is_a_documented_404[GET /uploads/{upload_id}]",
    # answers 200 without a notification id (the text's route)
    "test_e2e.py::test_100_concurrent_requests_lose_no_mail[background]",
    "test_e2e.py::test_100_concurrent_status_reads_all_answer[background]",
    "test_e2e.py::test_a_refused_recipient_is_recorded_as_failed[background]",
    "test_e2e.py::test_stalled_deliveries_do_not_hold_up_other_requests[background]",
    "test_e2e.py::test_the_response_does_not_wait_for_a_slow_smtp_server[background]",
    "test_e2e.py::test_the_smtp_server_receives_the_email[background]",
    # no `notifications` table in the server's database
    "test_e2e.py::test_a_reader_holding_the_database_does_not_fail_requests[background]",
    # answers 200, no id or `Location` (the text's route)
    "test_notifications.py::test_send_notification_answers_202_with_its_id_and_location",
    # no notification id, no `/notifications/{id}`
    "test_notifications.py::test_status_turns_sent_after_the_delivery",
    # no notification id; the text's task `print`s, logs nothing
    "test_notifications.py::test_without_smtp_host_the_mail_is_written_to_the_log",
    # `/upload` answers without an id to read back
    "test_testclient.py::TestRequestOptions::test_file_upload_from_an_open_file",
    # only the text's `user`/`pass`, no `POST /users` for the test's user
    "test_testclient.py::TestRequestOptions::test_form_data_login",
    "test_testclient.py::TestRequestOptions::test_headers_bearer_token",
    # no body limits, no 409 for a taken name: `test_limits.py` (real uvicorn and TestClient)
    "test_limits.py::test_a_chunked_upload_is_cut_off_at_the_limit",
    "test_limits.py::test_a_declared_huge_body_is_413_before_a_byte_is_read[json]",
    "test_limits.py::test_a_declared_huge_body_is_413_before_a_byte_is_read[upload]",
    "test_limits.py::test_a_json_body_over_its_limit_is_413_and_stores_nothing",
    "test_limits.py::test_a_rejected_value_is_echoed_only_in_part",
    "test_limits.py::test_simultaneous_sign_ups_for_one_name_are_one_201_and_409s",
}


def check(result, hooks: dict[str, set[str]], other: set[str]) -> None:
    assert result.errors == set()
    assert result.failed == set().union(*hooks.values()) | other
    for hook, names in hooks.items():
        for name in names:
            assert f"`{hook}`" in result.messages[name], (name, result.messages[name])
    assert not TEXT_TESTS & result.failed
    assert result.earned == result.possible - sum(result.lost.values())


SOLUTIONS = ("ch10_text_only", "ch10_text_complete")


@pytest.fixture(scope="module")
def grades(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Grade]:
    """Both solutions graded at once: what each earned, by the solution's file name."""

    def graded(name: str) -> Grade:
        folder = tmp_path_factory.mktemp(name)
        RESULTS[name] = folder / "results.json"
        extra = ("-k", "not celery", f"--basetemp={folder / 'run'}")
        return run_grading("ch10", str(LEARNERS / f"{name}.py"), folder / "results.json", *extra)

    with pytest.MonkeyPatch.context() as environment, ThreadPoolExecutor(len(SOLUTIONS)) as pool:
        environment.setenv("CH10_ANSWER_WAIT", "0.5")  # the runs copy this process's environment
        return dict(zip(SOLUTIONS, pool.map(graded, SOLUTIONS), strict=True))


@pytest.mark.timeout(PROOF_TIMEOUT)
def test_the_text_only_solution_loses_only_what_it_lacks(grades: dict[str, Grade]) -> None:
    check(grades["ch10_text_only"], TEXT_ONLY_HOOKS, TEXT_ONLY_OTHER)


@pytest.mark.timeout(PROOF_TIMEOUT)
def test_the_text_complete_solution_loses_only_what_it_lacks(grades: dict[str, Grade]) -> None:
    result = grades["ch10_text_complete"]
    check(result, TEXT_COMPLETE_HOOKS, TEXT_COMPLETE_OTHER)
    # Its `get_db` and `Base` give every test a database of its own: no test asks for them.
    assert not any("`get_db`" in m or "`Base`" in m for m in result.messages.values())


def text_tier(name: str) -> GroupScore:
    """What the solution earned in the tier "교재 범위"."""
    tiers = tier_scores(load([RESULTS[name]]).results)
    return tiers["ch10_background_tasks_and_testing"][TEXT]


@pytest.mark.timeout(PROOF_TIMEOUT)
def test_the_texts_names_earn_the_whole_text_tier(grades: dict[str, Grade]) -> None:
    tier = text_tier("ch10_text_complete")
    assert (tier.total, tier.possible) == (len(TIER_TESTS), 28.0)
    assert tier.earned >= 0.9 * tier.possible
    assert tier.earned == tier.possible  # every test of the text's own tier


@pytest.mark.timeout(PROOF_TIMEOUT)
def test_without_get_db_the_text_tier_loses_only_section_5(grades: dict[str, Grade]) -> None:
    tier = text_tier("ch10_text_only")
    lost = {name.split("tests/", 1)[-1] for name in tier.failed}
    assert lost <= TEXT_ONLY_HOOKS["get_db"]
    assert (tier.earned, tier.possible) == (22.0, 28.0)  # `print` earns section 1's tests
