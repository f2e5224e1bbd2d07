"""Chapter 10's harness grades another solution: a notification endpoint that forgets to
register the delivery task loses exactly the tests that wait for a delivery, and nothing else
(restart recovery, the audit line, the 202 itself still pass).

The Celery backend's tests are left out (``-k "not celery"``): the bug is in the background
path, and they would add a minute of Redis and worker processes to this serial run.

The run has two xdist workers (``-n 2`` overrides ``run_grading``'s ``-n 0``), and it waits one
second, not five, for a mail that must come (``CH10_MAIL_DEADLINE``, read by the chapter's
``tests/live.py``): here it never comes, and every test that waits for it through ``live.py``
(the end-to-end and restart tests) is one this proof expects to fail.
"""

import pytest

NO_DELIVERY = {
    "test_notifications.py::test_background_task_sends_the_welcome_email",  # 3 points
    "test_notifications.py::test_status_turns_sent_after_the_delivery",  # 2
    "test_notifications.py::test_tasks_run_in_the_order_they_were_added",  # 2
    "test_notifications.py::test_without_smtp_host_the_mail_is_written_to_the_log",  # 2
    "test_notifications.py::test_the_real_mailer_delivers_to_an_smtp_server",  # 3
    "test_notifications.py::test_a_task_whose_database_fails_is_logged_and_the_app_goes_on",  # 1
    "test_task_errors.py::test_failed_delivery_is_logged_stored_and_not_sent_to_the_client",  # 3
    "test_task_errors.py::test_the_app_keeps_serving_after_a_task_failed",  # 2
    "test_task_errors.py::test_a_refused_smtp_connection_is_a_failed_notification",  # 2
    "test_overrides.py::test_the_outbox_replaces_the_mailer",  # 2
    "test_async.py::test_notification_is_sent_when_the_response_is_complete",  # 2
    "test_e2e.py::test_the_smtp_server_receives_the_email[background]",  # 3
    "test_e2e.py::test_the_response_does_not_wait_for_a_slow_smtp_server[background]",  # 3
    "test_e2e.py::test_stalled_deliveries_do_not_hold_up_other_requests[background]",  # 3
    "test_e2e.py::test_a_reader_holding_the_database_does_not_fail_requests[background]",  # 2
    "test_e2e.py::test_a_refused_recipient_is_recorded_as_failed[background]",  # 2
    "test_e2e.py::test_100_concurrent_requests_lose_no_mail[background]",  # 3
    "test_restart.py::test_a_delivery_cut_by_a_crash_is_made_after_the_restart[background]",  # 4
    # the text tier's own check: the task's output (print, log or outbox) names the address
    "test_text_tier.py::test_the_background_task_runs_and_leaves_its_output",  # 3
    "test_text_tier.py::test_each_request_runs_its_own_task",  # 1
}

LOST_POINTS = 48  # the points of the tests above


def test_solution_without_the_delivery_task_loses_exactly_the_delivery_points(
    grade, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CH10_MAIL_DEADLINE", "1")
    result = grade(
        "ch10", "shared.tests.broken.ch10_no_delivery_task", "-k", "not celery", "-n", "2"
    )
    assert result.errors == set()
    assert result.failed == NO_DELIVERY
    assert result.earned == result.possible - LOST_POINTS
