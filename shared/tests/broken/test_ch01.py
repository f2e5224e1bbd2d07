"""Chapter 1's harness grades another solution: a partial one gets exactly its partial score.

(Ours earning everything is what the grade table of every full run shows.)"""

HEALTH_AND_TAGS = {
    "test_main.py::test_health_check_reports_ok",  # 2 points
    "test_main.py::TestBadRequests::test_wrong_method_is_405_with_allow_header[DELETE-/health]",
    "test_docs.py::test_openapi_lists_every_path_operation",  # 2: /health is missing
    "test_docs.py::test_every_operation_has_a_declared_tag",  # 2
    "test_server.py::test_uvicorn_serves_the_app",  # 2: polls /health
}
LOST_POINTS = 2 + 1 + 2 + 2 + 2


def test_partial_solution_loses_exactly_its_missing_features(grade) -> None:
    result = grade("ch01", "shared.tests.broken.ch01_partial")
    assert result.failed == HEALTH_AND_TAGS
    assert result.errors == set()
    assert result.earned == result.possible - LOST_POINTS
