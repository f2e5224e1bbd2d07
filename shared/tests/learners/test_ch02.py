"""A learner's chapter 2 (``ch02_catalog``): every route, but the items are a module-level list.

Without ``get_catalog`` the tests that serve their own catalogue fail, each naming the hook;
every test that needs only ``app`` (422s, bounds, the docs) passes.
"""

# These tests serve the suite's own items: they need `get_catalog` to override.
NEEDS_GET_CATALOG = {
    "test_documented_answers.py::test_an_unknown_item_is_a_documented_404",
    "test_enum_path.py::test_category_without_items_is_an_empty_list",
    "test_enum_path.py::test_each_category_lists_its_items[books]",
    "test_enum_path.py::test_each_category_lists_its_items[electronics]",
    "test_enum_path.py::test_each_category_lists_its_items[food]",
    "test_list_query.py::test_korean_tag_values",
    "test_list_query.py::test_one_tag_filters_the_list",
    "test_list_query.py::test_repeated_tags_must_all_match",
    "test_list_query.py::test_tags_that_no_item_has_give_an_empty_page",
    "test_list_query.py::test_total_counts_the_filtered_items_not_the_page",
    "test_pagination.py::test_empty_catalogue_gives_an_empty_page",
    "test_pagination.py::test_page_past_the_end_is_empty_not_an_error",
    "test_pagination.py::test_pages_cut_the_list_in_order[1-expected0]",
    "test_pagination.py::test_pages_cut_the_list_in_order[2-expected1]",
    "test_pagination.py::test_pages_cut_the_list_in_order[3-expected2]",
    "test_pagination.py::test_size_at_its_bounds_is_accepted[1-expected0]",
    "test_pagination.py::test_size_at_its_bounds_is_accepted[100-expected1]",
    "test_path_params.py::TestBounds::test_highest_id_is_accepted",
    "test_path_params.py::TestBounds::test_lowest_id_is_accepted",
    "test_path_params.py::test_item_is_found_by_its_id",
    "test_path_params.py::test_path_text_is_converted_to_an_int",
    "test_path_params.py::test_unknown_id_is_404_with_a_detail",
    "test_query_params.py::test_default_size_is_ten",
    "test_query_params.py::test_no_query_parameters_gives_the_first_page_in_id_order",
    "test_query_params.py::test_optional_sort_orders_the_list[-id-expected1]",
    "test_query_params.py::test_optional_sort_orders_the_list[-price-expected3]",
    "test_query_params.py::test_optional_sort_orders_the_list[id-expected0]",
    "test_query_params.py::test_optional_sort_orders_the_list[name-expected4]",
    "test_query_params.py::test_optional_sort_orders_the_list[price-expected2]",
    "test_query_params.py::test_sort_applies_before_the_page_is_cut",
    "test_search.py::test_korean_text_finds_matching_names",
    "test_search.py::test_no_match_is_an_empty_list",
    "test_search.py::test_optional_category_narrows_the_results[electronics-expected1]",
    "test_search.py::test_optional_category_narrows_the_results[food-expected0]",
    "test_search.py::test_search_ignores_case[PYTHON]",
    "test_search.py::test_search_ignores_case[PyThOn]",
    "test_search.py::test_search_ignores_case[python]",
    "test_path_params.py::test_id_missing_between_others_is_404",
}
EXPECTED_LOST = NEEDS_GET_CATALOG | {
    "test_search.py::test_category_outside_the_enum_is_422",  # /search has no `category` filter
}


def test_learner_loses_only_what_it_lacks(grade) -> None:
    result = grade("ch02", "shared.tests.learners.ch02_catalog")
    assert result.errors == set()
    assert result.failed == EXPECTED_LOST
    for name in NEEDS_GET_CATALOG:
        assert "`get_catalog`" in result.messages[name], result.messages[name]
    assert result.earned == result.possible - sum(result.lost.values())
    assert result.earned > 0
