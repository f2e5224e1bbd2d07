"""Chapter 6's harness: a ``yield`` dependency without clean-up loses exactly those tests.

(Ours earning everything is what the grade table of every full run shows.)"""

CLEANUP = {
    "test_yield_dependency.py::test_connection_is_opened_then_closed_around_a_request",  # 2
    "test_yield_dependency.py::test_connection_is_closed_when_the_endpoint_raises",  # 2
    "test_yield_dependency.py::test_each_request_gets_its_own_connection",
    "test_yield_dependency.py::test_the_apps_own_log_shows_the_clean_up",
}


def test_solution_without_yield_cleanup_loses_exactly_the_cleanup_tests(grade) -> None:
    result = grade("ch06", "shared.tests.broken.ch06_yield_cleanup")
    assert result.failed == CLEANUP
    assert result.errors == set()
    assert result.earned == result.possible - 6
