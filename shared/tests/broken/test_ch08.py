"""Chapter 8's harness grades another solution: without the role check it loses exactly the
role points (the tests that expect a regular user's 403), and nothing else."""

from shared.tests.conftest import IN_PARALLEL

ROLE_CHECK = {
    "test_roles.py::test_a_regular_user_gets_403",  # 3 points
    "test_roles.py::test_registration_cannot_ask_for_the_admin_role",  # 2
    "test_server.py::test_first_admin_from_the_environment_reaches_the_admin_routes",  # 2
}


def test_solution_without_role_check_loses_exactly_the_role_points(grade) -> None:
    result = grade("ch08", "shared.tests.broken.ch08_roles", *IN_PARALLEL)
    assert result.failed == ROLE_CHECK
    assert result.errors == set()
    assert result.earned == result.possible - 7  # the 3 + 2 + 2 points listed above
