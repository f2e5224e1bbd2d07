"""Chapter 2's harness grades another solution: one without the tag filter loses exactly it.

(Ours earning everything is what the grade table of every full run shows.)"""

LIST_QUERY = {
    "test_list_query.py::test_one_tag_filters_the_list",
    "test_list_query.py::test_repeated_tags_must_all_match",  # 2 points
    "test_list_query.py::test_korean_tag_values",
    "test_list_query.py::test_tags_that_no_item_has_give_an_empty_page",
    "test_list_query.py::test_total_counts_the_filtered_items_not_the_page",
    "test_list_query.py::test_docs_declare_tag_as_a_repeatable_array",
}
LOST_POINTS = 7


def test_solution_without_list_query_loses_exactly_the_tag_tests(grade) -> None:
    result = grade("ch02", "shared.tests.broken.ch02_tags")
    assert result.failed == LIST_QUERY
    assert result.errors == set()
    assert result.earned == result.possible - LOST_POINTS
