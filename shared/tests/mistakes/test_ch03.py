"""Chapter 3's classic mistakes, each planted once in the README-only solution: it costs only
the tests about it (the README's 자주 하는 실수 table lists the same).

Chapter 3's ``GET /items`` has no pages, so "the list is off by one page" has no place here; its
list mistake is the newest-first list."""

from pathlib import Path

import pytest

from shared.tests.mistakes import Mistake, check, mistake

PAST = "test_field_constraints.py::test_values_past_the_limits_are_422"
DOCS = "test_field_constraints.py::test_docs_show_the_constraints"
BLANK = "test_validators.py::TestFieldValidators::test_blank_name_is_422"
DISCOUNT = "test_validators.py::TestModelValidator"
DRY_RUN = "test_body_path_query.py::test_dry_run_validates_without_storing"
PUT_404 = "test_body_path_query.py::test_put_on_an_unknown_id_is_404_and_creates_nothing"

MISTAKES = [
    mistake(
        "create-answers-200",
        "`POST /items`가 `201` 대신 기본값 `200`으로 답함",
        '@app.post("/items", response_model=ItemOut, status_code=201,',
        '@app.post("/items", response_model=ItemOut,',
        "test_items.py::test_post_creates_an_item_with_its_defaults",
    ),
    mistake(
        "list-newest-first",
        "`GET /items`가 id 순서가 아니라 최신 것부터 돌려줌",
        "return [store.items[k] for k in sorted(store.items)]",
        "return [store.items[k] for k in sorted(store.items, reverse=True)]",
        "test_items.py::test_each_item_gets_the_next_id",
    ),
    mistake(
        "store-survives-restart",
        "저장소를 앱 시작마다 새로 만들지 않아 이전 아이템이 남음",
        "app.state.store = ItemStore()",
        'app.state.store = getattr(app.state, "store", None) or ItemStore()',
        "test_items.py::test_store_starts_empty_on_every_start_up",
    ),
    mistake(
        "price-ge-zero",
        "`price`에 `gt=0` 대신 `ge=0`을 써서 0원을 받음",
        "price: float = Field(gt=0,",
        "price: float = Field(ge=0,",
        f"{PAST}[price-0]",
        f"{PAST}[price-negative]",
        "test_field_constraints.py::test_every_broken_constraint_is_reported_at_once",
        DOCS,
    ),
    mistake(
        "price-lt-max",
        "`price`의 최댓값에 `le` 대신 `lt`를 써서 1,000,000원을 거부함",
        "le=1_000_000,",
        "lt=1_000_000,",
        "test_field_constraints.py::test_values_at_the_limits_are_accepted[price-1000000]",
        f"{PAST}[price-above-max]",
        DOCS,
    ),
    mistake(
        "name-not-stripped",
        "`name`이 공백뿐인지는 보지만 앞뒤 공백을 뺀 값을 저장하지 않음",
        "value = value.strip()\n        if not value:",
        "if not value.strip():",
        "test_validators.py::TestFieldValidators::test_name_is_stored_stripped",
    ),
    mistake(
        "blank-name-accepted",
        "앞뒤 공백은 빼지만 남은 것이 비었는지 보지 않음",
        'raise ValueError("name must not be blank")',
        "pass",
        f"{BLANK}[space]",
        f"{BLANK}[spaces]",
        f"{BLANK}[tab-newline]",
        "test_validators.py::test_validators_run_on_every_item_of_a_bulk_body",
    ),
    mistake(
        "tags-not-lowercased",
        "태그의 앞뒤 공백만 빼고 소문자로 바꾸지 않음",
        "tag = tag.strip().lower()",
        "tag = tag.strip()",
        "test_validators.py::TestFieldValidators::test_tags_are_normalized",
    ),
    mistake(
        "discount-equal-to-price",
        "할인가 규칙을 `>=` 대신 `>`로 검사해 정가와 같은 할인가를 받음",
        "self.discount_price >= self.price",
        "self.discount_price > self.price",
        f"{DISCOUNT}::test_discount_not_below_price_is_422[equal]",
        f"{DISCOUNT}::test_rule_holds_on_put",
    ),
    mistake(
        "url-is-a-str",
        "이미지 `url`을 `HttpUrl`이 아니라 `str`로 선언함",
        "    url: HttpUrl\n",
        "    url: str\n",
        "test_nested_and_lists.py::TestNestedImages::test_errors_inside_the_list_name_the_index_and_field",
        "test_nested_and_lists.py::TestNestedImages::test_docs_nest_the_image_schema",
    ),
    mistake(
        "bulk-accepts-empty",
        "일괄 등록 배열에 최소 길이를 두지 않아 빈 배열을 받음",
        "Body(min_length=1, max_length=50)",
        "Body(max_length=50)",
        "test_nested_and_lists.py::TestBulkList::test_empty_array_is_422",
    ),
    mistake(
        "dry-run-stores",
        "`dry_run=true`여도 저장함",
        "if not dry_run:\n            store.items[item_id] = new",
        "store.items[item_id] = new",
        f"{DRY_RUN}[true]",
        f"{DRY_RUN}[yes]",
    ),
    mistake(
        "put-creates-unknown-id",
        "`PUT`이 없는 id에 404 대신 새 아이템을 만듦",
        "            raise not_found(item_id)\n        new = ",
        "            pass\n        new = ",
        f"{PUT_404}[false]",
        f"{PUT_404}[true]",
        "test_documented_answers.py::test_an_unknown_id_is_a_documented_404[PUT-body1]",
    ),
]


@pytest.mark.parametrize("wrong", MISTAKES, ids=lambda wrong: wrong.name)
def test_a_mistake_costs_only_its_own_tests(grade, tmp_path: Path, wrong: Mistake) -> None:
    check(grade, "ch03", wrong, tmp_path)
