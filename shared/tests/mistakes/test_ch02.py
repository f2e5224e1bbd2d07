"""Chapter 2's classic mistakes, each planted once in the README-only solution: it costs only
the tests about it (the README's 자주 하는 실수 table lists the same).

Chapter 2 has no create endpoint, so "create answers 200" has no place here."""

from pathlib import Path

import pytest

from shared.tests.mistakes import Mistake, check, mistake

PAGES = "test_pagination.py::test_pages_cut_the_list_in_order"
SIZES = "test_pagination.py::test_size_at_its_bounds_is_accepted"
BOUNDS = "test_path_params.py::TestBounds::test_out_of_bounds_is_422"
SORT = "test_query_params.py::test_optional_sort_orders_the_list"
BAD_SORT = "test_query_params.py::test_sort_outside_the_pattern_is_422"
CASE = "test_search.py::test_search_ignores_case"
SHORT = "test_search.py::test_length_outside_the_bounds_is_422"
OUT_OF_RANGE = "test_pagination.py::test_page_and_size_out_of_bounds_are_422"

MISTAKES = [
    mistake(
        "page-off-by-one",
        "목록을 한 페이지 밀려 자름(`page * size`부터)",
        "start = (page - 1) * size",
        "start = page * size",
        f"{PAGES}[1-expected0]",
        f"{PAGES}[2-expected1]",
        f"{PAGES}[3-expected2]",
        f"{SIZES}[1-expected0]",
        f"{SIZES}[100-expected1]",
        "test_query_params.py::test_no_query_parameters_gives_the_first_page_in_id_order",
        "test_query_params.py::test_default_size_is_ten",
        "test_query_params.py::test_sort_applies_before_the_page_is_cut",
    ),
    mistake(
        "default-size-20",
        "`size`의 기본값을 README의 10이 아닌 20으로 둠",
        'description="Items per page (1-100)")] = 10,',
        'description="Items per page (1-100)")] = 20,',
        "test_query_params.py::test_no_query_parameters_gives_the_first_page_in_id_order",
        "test_query_params.py::test_default_size_is_ten",
        "test_query_params.py::test_docs_show_optional_and_default_parameters",
        "test_pagination.py::test_empty_catalogue_gives_an_empty_page",
    ),
    mistake(
        "size-without-upper-bound",
        "`size`에 `le=100`을 빠뜨림",
        "Query(ge=1, le=100, description=",
        "Query(ge=1, description=",
        f"{OUT_OF_RANGE}[params3-less_than_equal-Input should be less than or equal to 100]",
        "test_pagination.py::test_every_bad_value_is_reported_at_once",
    ),
    mistake(
        "any-tag-instead-of-all",
        "반복한 태그 중 하나만 맞아도 통과시킴(모두가 아니라)",
        'wanted.issubset(item["tags"])',
        'not wanted or bool(wanted & set(item["tags"]))',
        "test_list_query.py::test_repeated_tags_must_all_match",
        "test_list_query.py::test_korean_tag_values",
        "test_list_query.py::test_tags_that_no_item_has_give_an_empty_page",
    ),
    mistake(
        "sort-ignores-minus",
        "`-`를 떼어 내기만 하고 내림차순으로 정렬하지 않음",
        'reverse=sort.startswith("-")',
        "reverse=False",
        f"{SORT}[-id-expected1]",
        f"{SORT}[-price-expected3]",
        "test_query_params.py::test_sort_applies_before_the_page_is_cut",
    ),
    mistake(
        "sort-pattern-not-anchored",
        "`sort`의 패턴에 `^`와 `$`를 빠뜨림",
        'pattern=r"^-?(id|name|price)$"',
        'pattern=r"-?(id|name|price)"',
        f"{BAD_SORT}[--price]",
        f"{BAD_SORT}[price ]",
        f"{BAD_SORT}[name;drop]",
    ),
    mistake(
        "item-id-without-bounds",
        "`item_id`에 `Path(ge=1, le=1000)`을 두지 않음",
        'Path(ge=1, le=1000, description="The item id (1-1000)")',
        'Path(description="The item id (1-1000)")',
        f"{BOUNDS}[0-greater_than_equal-Input should be greater than or equal to 1]",
        f"{BOUNDS}[-1-greater_than_equal-Input should be greater than or equal to 1]",
        f"{BOUNDS}[1001-less_than_equal-Input should be less than or equal to 1000]",
        "test_path_params.py::test_docs_show_the_bounds",
    ),
    mistake(
        "missing-item-returns-none",
        "없는 번호에 `HTTPException`을 올리지 않고 `None`을 돌려줌",
        'raise HTTPException(status_code=404, detail=f"{item_id}번 상품을 찾을 수 없습니다")',
        "return None",
        "test_path_params.py::test_unknown_id_is_404_with_a_detail",
        "test_path_params.py::test_id_missing_between_others_is_404",
        "test_documented_answers.py::test_an_unknown_item_is_a_documented_404",
    ),
    mistake(
        "wrong-label",
        "카테고리 레이블을 README와 다르게 적음(`food`: 음식)",
        'Category.food: "식품",',
        'Category.food: "음식",',
        "test_enum_path.py::test_each_category_lists_its_items[food]",
        "test_enum_path.py::test_category_without_items_is_an_empty_list",
    ),
    mistake(
        "search-case-sensitive",
        "검색어만 소문자로 바꾸고 이름은 그대로 비교함",
        'if needle in item["name"].casefold()',
        'if needle in item["name"]',
        f"{CASE}[python]",
        f"{CASE}[PYTHON]",
        f"{CASE}[PyThOn]",
    ),
    mistake(
        "q-min-length-1",
        "`q`의 `min_length`를 2가 아닌 1로 둠",
        "Query(min_length=2, max_length=50,",
        "Query(min_length=1, max_length=50,",
        f"{SHORT}[one-korean-char]",
        f"{SHORT}[one-latin-char]",
    ),
]


@pytest.mark.parametrize("wrong", MISTAKES, ids=lambda wrong: wrong.name)
def test_a_mistake_costs_only_its_own_tests(grade, tmp_path: Path, wrong: Mistake) -> None:
    check(grade, "ch02", wrong, tmp_path)
