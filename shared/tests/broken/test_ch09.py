"""Chapter 9's harness grades another solution: without the request-id/timing middleware it
loses exactly that middleware's points (every test in test_middleware.py), and nothing else."""

from shared.tests.conftest import IN_PARALLEL

REQUEST_ID_AND_TIMING = {
    "test_middleware.py::test_each_request_gets_a_new_request_id",  # 2 points
    "test_middleware.py::test_a_valid_request_id_from_the_client_is_echoed",  # 2
    *(
        f"test_middleware.py::test_an_invalid_request_id_is_replaced[{case}]"
        for case in ("space", "too-long", "separators", "markup", "empty")
    ),
    *(
        f"test_middleware.py::test_every_response_carries_both_headers[{case}]"
        for case in ("ok", "no-route", "wrong-method", "invalid", "refused")
    ),
    "test_middleware.py::test_a_body_refused_before_any_route_still_carries_both_headers",
}


LOST_POINTS = 15  # 2 + 2 + 5 x 1 + 5 x 1 + 1


def test_solution_without_its_middleware_loses_exactly_the_middleware_points(grade) -> None:
    result = grade("ch09", "shared.tests.broken.ch09_request_id", *IN_PARALLEL)
    assert result.failed == REQUEST_ID_AND_TIMING
    assert result.errors == set()
    assert result.earned == result.possible - LOST_POINTS
