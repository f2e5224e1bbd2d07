"""Chapter 5's mistakes catalogue: each classic mistake costs only the tests about it.

The README's 채점 기준 lists the same mistakes ("자주 하는 실수"). A store without its lock is not
planted here: which concurrency tests it loses beyond the creates depends on the scheduler, and
``check`` asserts an exact set. That the creates test catches it on every run is proven by
running it against an unlocked store (``shared/tests/broken/ch05_no_lock.py`` loses 16 points).
"""

from pathlib import Path

import pytest

from shared.tests.mistakes import check, mistake

CRUD = "test_crud.py::"
ERRORS = "test_errors.py::"

MISTAKES = [
    mistake(
        "create_answers_200",
        "생성이 `201` 대신 `200`으로 답한다",
        "status_code=status.HTTP_201_CREATED,",
        "status_code=status.HTTP_200_OK,",
        CRUD + "TestCreate::test_created_is_201_with_the_item_and_its_location",
    ),
    mistake(
        "list_off_by_one_page",
        "목록이 한 쪽 밀린다(`offset = page * size`)",
        "store.page((page - 1) * size, size)",
        "store.page(page * size, size)",
        CRUD + "TestList::test_pages_split_the_items_in_id_order",
        CRUD + "TestList::test_page_and_size_are_optional",
        CRUD + "TestList::test_size_bounds_are_accepted[1]",
    ),
    mistake(
        "size_without_upper_bound",
        "`size`에 상한 100이 없다",
        "Query(ge=1, le=100)",
        "Query(ge=1)",
        CRUD + "TestList::test_bad_page_or_size_is_422[params4-size]",
    ),
    mistake(
        "detail_without_the_id",
        "404 메시지에 그 id가 없다",
        'detail=f"Item {item_id} not found"',
        'detail="Item not found"',
        CRUD + "TestRead::test_unknown_item_is_404_naming_it",
        CRUD + "TestReplace::test_put_of_an_unknown_item_is_404_and_creates_nothing",
        CRUD + "TestPatch::test_patch_of_an_unknown_item_is_404",
        CRUD + "TestDelete::test_second_delete_is_404",
        ERRORS + "TestOutOfStock::test_purchase_of_an_unknown_item_is_404",
    ),
    mistake(
        "name_not_trimmed",
        "이름의 앞뒤 공백을 지우지 않는다",
        "StringConstraints(strip_whitespace=True, min_length=1, max_length=50)",
        "StringConstraints(min_length=1, max_length=50)",
        CRUD + "TestCreate::test_unicode_name_is_kept_and_trimmed",
        CRUD + "TestCreate::test_bad_body_is_422_and_stores_nothing[body3-locations3]",
    ),
    mistake(
        "unknown_fields_ignored",
        "생성 본문의 모르는 필드를 422 대신 조용히 버린다",
        '(PUT replaces everything)."""\n\n    model_config = ConfigDict(extra="forbid")\n',
        '(PUT replaces everything)."""\n',
        CRUD + "TestCreate::test_bad_body_is_422_and_stores_nothing[body10-locations10]",
        ERRORS + "TestValidationErrorHandler::test_each_error_is_exactly_loc_msg_type",
    ),
    mistake(
        "put_keeps_fields_left_out",
        "`PUT`이 보내지 않은 필드를 기본값으로 되돌리지 않는다(`PATCH`처럼 동작)",
        "store.update(item_id, item.model_dump())",
        "store.update(item_id, item.model_dump(exclude_unset=True))",
        CRUD + "TestReplace::test_put_replaces_every_field",
    ),
    mistake(
        "put_conflicts_with_its_own_name",
        "이름 중복을 검사할 때 자기 자신을 빼지 않아, 자기 이름 그대로의 `PUT`이 409가 된다",
        'self._name_taken(changes["name"], exclude_id=item_id)',
        'self._name_taken(changes["name"])',
        CRUD + "TestReplace::test_put_may_keep_the_item_s_own_name",
    ),
    mistake(
        "patch_accepts_null_name",
        '`PATCH`의 `"name": null`을 422로 막지 않는다',
        "name: ItemName = None  # type: ignore[assignment]",
        "name: ItemName | None = None",
        CRUD + "TestPatch::test_bad_patch_is_422_and_changes_nothing[body0-name]",
    ),
    mistake(
        "no_out_of_stock_handler",
        "`OutOfStockError` 처리기를 등록하지 않아 재고 부족이 500이 된다",
        "@app.exception_handler(OutOfStockError)\n",
        "",
        ERRORS + "TestOutOfStock::test_more_than_the_stock_is_409_and_changes_nothing",
        ERRORS + "test_every_error_body_has_the_documented_shape[409 out of stock]",
        "test_concurrency.py::test_concurrent_purchases_never_oversell",
    ),
    mistake(
        "default_validation_errors",
        "422 처리기가 없어 FastAPI 기본 422가 `input`과 `ctx`를 되돌려 보낸다",
        "@app.exception_handler(RequestValidationError)\n",
        "",
        ERRORS + "TestValidationErrorHandler::test_each_error_is_exactly_loc_msg_type",
        ERRORS + "TestValidationErrorHandler::test_rejected_input_is_not_echoed",
        ERRORS + "TestValidationErrorHandler::test_malformed_json_is_422_in_the_same_shape"
        '[{"name": "\\ucee4\\ud53c", "price": ]',
        ERRORS + "TestValidationErrorHandler::test_malformed_json_is_422_in_the_same_shape"
        "[not json at all]",
        ERRORS + "test_every_error_body_has_the_documented_shape[422 bad body]",
        ERRORS + "test_every_error_body_has_the_documented_shape[422 bad query]",
        ERRORS + "test_every_error_body_has_the_documented_shape[422 bad path]",
    ),
]


@pytest.mark.parametrize("wrong", MISTAKES, ids=lambda wrong: wrong.name)
def test_a_mistake_costs_only_its_own_tests(grade, wrong, tmp_path: Path) -> None:
    check(grade, "ch05", wrong, tmp_path)
