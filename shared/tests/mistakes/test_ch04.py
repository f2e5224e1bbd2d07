"""Chapter 4's mistakes catalogue: each classic mistake costs only the tests about it.

The README's 채점 기준 lists the same mistakes ("자주 하는 실수"). Chapter 4's lists (``/users``,
``/items``) have no pages, so its "off by one" is a list that drops one user.
"""

from pathlib import Path

import pytest

from shared.tests.mistakes import check, mistake

USERS = "test_users.py::"
CATALOG = "test_catalog.py::"

MISTAKES = [
    mistake(
        "create_answers_200",
        "가입이 `201` 대신 `200`으로 답한다",
        '@app.post("/users", response_model=UserOut, status_code=201,',
        '@app.post("/users", response_model=UserOut, status_code=200,',
        USERS + "TestSignUp::test_created_answers_201_with_location_of_the_user",
    ),
    mistake(
        "user_list_off_by_one",
        "사용자 목록이 하나를 빠뜨린다(`[1:]`)",
        "return [store[name] for name in sorted(store)]",
        "return [store[name] for name in sorted(store)[1:]]",
        USERS + "TestPasswordNeverLeaves::test_user_list_items_have_only_public_fields",
        USERS + "TestUserList::test_users_are_listed_by_username",
    ),
    mistake(
        "create_without_response_model",
        "가입 라우트에 `response_model=UserOut`이 없어 해시가 응답에 나간다",
        '@app.post("/users", response_model=UserOut, status_code=201,',
        '@app.post("/users", status_code=201,',
        USERS + "TestPasswordNeverLeaves::test_created_user_is_answered_without_password",
        USERS + "TestPasswordNeverLeaves::test_schema_documents_answers_without_password",
    ),
    mistake(
        "item_without_exclude_unset",
        "`GET /items/{item_id}`에 `response_model_exclude_unset=True`가 없다",
        "response_model=Item, response_model_exclude_unset=True,",
        "response_model=Item,",
        CATALOG + "TestItemExcludeUnset::test_unset_fields_are_left_out",
    ),
    mistake(
        "exclude_defaults_for_exclude_unset",
        "`exclude_unset` 대신 `exclude_defaults`를 써서 기본값과 같게 설정한 필드까지 뺀다",
        "response_model_exclude_unset=True",
        "response_model_exclude_defaults=True",
        CATALOG + "TestItemExcludeUnset::test_fields_explicitly_set_to_defaults_are_kept",
    ),
    mistake(
        "item_list_without_response_model",
        "`GET /items`에 `response_model`이 없어 저장된 `cost`가 나간다",
        '@app.get("/items", response_model=list[Item], tags=["catalog"])',
        '@app.get("/items", tags=["catalog"])',
        CATALOG + "TestItemList::test_list_answers_every_item_through_the_response_model",
    ),
    mistake(
        "total_count_ignores_the_tag",
        "`X-Total-Count`가 태그로 거르기 전의 전체 수다",
        'response.headers["X-Total-Count"] = str(len(found))',
        'response.headers["X-Total-Count"] = str(len(ITEMS))',
        CATALOG + "TestItemList::test_list_filtered_by_tag",
        CATALOG + "TestItemList::test_unknown_tag_gives_an_empty_list",
    ),
    mistake(
        "delete_answers_200",
        "사용자 삭제가 `204` 대신 본문 있는 `200`으로 답한다",
        '@app.delete("/users/{username}", status_code=204,',
        '@app.delete("/users/{username}",',
        USERS + "TestReadAndDelete::test_delete_answers_204_with_an_empty_body",
    ),
    mistake(
        "unknown_cookie_trusted",
        "쿠키 값을 확인하지 않고 그대로 테마로 쓴다",
        'theme if theme in ("light", "dark") else "light"',
        'theme or "light"',
        "test_headers_and_cookies.py::TestThemeCookie"
        "::test_an_unknown_cookie_value_falls_back_to_light",
    ),
    mistake(
        "no_validation_handler",
        "422 처리기가 없어 FastAPI 기본 422가 `input`(비밀번호)을 되돌려 보낸다",
        "@app.exception_handler(RequestValidationError)\n",
        "",
        USERS + "TestSignUp::test_rejected_sign_up_does_not_echo_the_password",
        USERS + "TestSignUp::test_rejected_sign_up_lists_the_errors_without_only_the_input",
    ),
    mistake(
        "no_lock_around_check_and_store",
        "락 없이 이름을 확인하고 저장한다: 동시에 온 같은 이름의 가입이 여러 번 성공한다",
        "    with users_lock:\n"
        "        if user.username in store:\n"
        '            raise HTTPException(status_code=409, detail="Username already registered")\n'
        "        store[user.username] = saved\n",
        "    store[user.username] = saved\n",
        "test_server.py::test_simultaneous_sign_ups_of_one_username_give_one_201_and_409s",
    ),
]


@pytest.mark.parametrize("wrong", MISTAKES, ids=lambda wrong: wrong.name)
def test_a_mistake_costs_only_its_own_tests(grade, wrong, tmp_path: Path) -> None:
    check(grade, "ch04", wrong, tmp_path)
