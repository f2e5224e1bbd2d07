"""챕터 4 학습자 풀이(`ch04_users.py`)의 채점: 빠진 것의 점수만 잃는다."""

LEARNER = "shared.tests.learners.ch04_users"
HOOK_TESTS = {
    # get_user_store가 없다: 저장된 해시를 들여다볼 수 없다
    "test_users.py::TestSignUp::test_store_keeps_a_pwdlib_hash_not_the_password": "get_user_store",
}
EXPECTED_LOST = {
    *HOOK_TESTS,
    # 라우트에 responses={400: ...}가 없다: UTF-8이 아닌 본문의 400이 문서에 없다
    "test_documented_answers.py::test_a_body_that_is_not_utf8_is_a_documented_400[POST-/users]",
    "test_documented_answers.py::test_a_body_that_is_not_utf8_is_a_documented_400"
    "[PUT-/preferences/theme]",
    # responses={404: ..., 409: ...}가 없다: 없는 자원의 404와 이미 있는 이름의 409가 문서에 없다
    "test_documented_answers.py::test_a_missing_resource_is_a_documented_404"
    "[GET-/items/{item_id}-/items/no-such-item]",
    "test_documented_answers.py::test_a_missing_resource_is_a_documented_404"
    "[GET-/vehicles/{vehicle_id}-/vehicles/99]",
    "test_documented_answers.py::test_a_missing_resource_is_a_documented_404"
    "[GET-/users/{username}-/users/nobody_here]",
    "test_documented_answers.py::test_a_missing_resource_is_a_documented_404"
    "[DELETE-/users/{username}-/users/nobody_here]",
    "test_documented_answers.py::test_a_taken_username_is_a_documented_409",
    # 422 처리기가 없다: FastAPI 기본 422가 `input`(비밀번호)을 그대로 돌려준다
    "test_users.py::TestSignUp::test_rejected_sign_up_does_not_echo_the_password",
    "test_users.py::TestSignUp::test_rejected_sign_up_lists_the_errors_without_only_the_input",
    # lifespan 없이 모듈 변수에 저장한다: 앱을 다시 실행해도 사용자가 남는다
    "test_users.py::test_each_run_of_the_app_starts_with_no_users",
    # 락 없이 "이름 확인 → 해시 → 저장"을 한다: 동시에 온 같은 이름의 가입이 여러 번 201이 된다
    "test_server.py::test_simultaneous_sign_ups_of_one_username_give_one_201_and_409s",
}


def test_learner_loses_only_what_the_code_lacks(grade) -> None:
    result = grade("ch04", LEARNER)
    assert result.errors == set()
    assert result.failed == EXPECTED_LOST
    for name, hook in HOOK_TESTS.items():
        assert f"`{hook}`" in result.messages[name]
    assert result.earned == result.possible - sum(result.lost.values())
    assert result.earned == result.possible - 14  # 2 + 1 + 1 + 5 + 1 + 1 + 1 + 2
