"""Chapter 4's harness: without ``response_model`` on ``/users`` a solution loses exactly the
"password never leaves" points."""

PASSWORD_LEAKS = {
    "test_users.py::TestPasswordNeverLeaves::test_created_user_is_answered_without_password",  # 2
    "test_users.py::TestPasswordNeverLeaves::test_read_user_is_answered_without_password",  # 2
    "test_users.py::TestPasswordNeverLeaves::test_user_list_items_have_only_public_fields",  # 2
    "test_users.py::TestPasswordNeverLeaves::test_schema_documents_answers_without_password",  # 1
}


def test_leaking_solution_loses_exactly_the_password_points(grade) -> None:
    result = grade("ch04", "shared.tests.broken.ch04_password_leak")
    assert result.failed == PASSWORD_LEAKS
    assert result.errors == set()
    assert result.earned == result.possible - 7
