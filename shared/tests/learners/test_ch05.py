"""챕터 5 학습자 풀이(`ch05_shop.py`)의 채점: 빠진 것의 점수만 잃는다.

풀이는 모듈 변수에 아이템을 두므로, 앞선 테스트가 남긴 아이템이 있어도 테스트가 성립함을
함께 보여 줍니다. 이 챕터에는 `app` 말고 필요한 이름(hook)이 없습니다.
"""

LEARNER = "shared.tests.learners.ch05_shop"
EXPECTED_LOST = {
    # PATCH의 `"name": null`·`"price": null`을 422 대신 무시한다
    "test_crud.py::TestPatch::test_bad_patch_is_422_and_changes_nothing[body0-name]",
    "test_crud.py::TestPatch::test_bad_patch_is_422_and_changes_nothing[body1-price]",
    # lifespan 없이 모듈 변수에 저장한다: 앱을 다시 실행해도 아이템이 남는다
    "test_crud.py::test_each_run_of_the_app_starts_with_no_items",
    # 라우트에 responses=가 없다: 400과 오류 모양이 /openapi.json에 없다
    "test_documented_answers.py::test_a_body_that_is_not_utf8_is_a_documented_400"
    "[POST-/items-/items]",
    "test_documented_answers.py::test_a_body_that_is_not_utf8_is_a_documented_400"
    "[PUT-/items/{id}-/items/{item_id}]",
    "test_documented_answers.py::test_a_body_that_is_not_utf8_is_a_documented_400"
    "[PATCH-/items/{id}-/items/{item_id}]",
    "test_documented_answers.py::test_a_body_that_is_not_utf8_is_a_documented_400"
    "[POST-/items/{id}/purchase-/items/{item_id}/purchase]",
    "test_errors.py::test_the_error_shapes_are_documented_in_openapi",
}


def test_learner_loses_only_what_the_code_lacks(grade) -> None:
    result = grade("ch05", LEARNER)
    assert result.errors == set()
    assert result.failed == EXPECTED_LOST
    assert result.earned == result.possible - sum(result.lost.values())
    assert result.earned == result.possible - 8  # one point each
