"""Chapter 7's harness: without the 409 handler a solution loses exactly the duplicate tests.

(Ours earning everything is what the grade table of every full run shows.)"""

from shared.tests.conftest import IN_PARALLEL

DUPLICATE_409 = {
    "test_unique.py::test_duplicate_name_is_409_and_stores_nothing",  # 2 points
    "test_unique.py::test_renaming_to_a_taken_name_is_409_and_changes_nothing[PUT]",
    "test_unique.py::test_renaming_to_a_taken_name_is_409_and_changes_nothing[PATCH]",
    # the real server's losers of a simultaneous create are 500s too (2 points); its log test
    # passes: the engine is ours (hide_parameters), the traceback names the item, not its values
    "test_simultaneous_creates.py::test_simultaneous_creates_of_one_name_give_one_201_and_409s",
}


def test_solution_without_the_409_handler_loses_exactly_the_duplicate_tests(grade) -> None:
    result = grade("ch07", "shared.tests.broken.ch07_duplicate_409", *IN_PARALLEL)
    assert result.failed == DUPLICATE_409
    assert result.errors == set()
    assert result.earned == result.possible - 6  # the 2 + 1 + 1 + 2 points listed above
