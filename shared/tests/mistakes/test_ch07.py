"""Chapter 7's classic mistakes, each planted once in the README-only solution
(``shared/tests/readme/ch07.py``): each costs exactly the tests about it (README 채점 기준,
"자주 하는 실수")."""

from pathlib import Path

import pytest

from shared.tests.mistakes import Mistake, check, mistake

CRUD = "test_items_crud.py::"
CREATE = CRUD + "TestCreateAndRead::"
BAD_BODY = CRUD + "TestBadBodyStoresNothing::test_invalid_item_is_422_and_not_stored"
PAGING = "test_pagination.py::"
REAL = "test_real_database.py::"

MISTAKES = [
    mistake(
        "create answers 200 instead of 201",
        "생성이 201 대신 200으로 답함",
        "status_code=201, responses={**TAKEN, **BAD_BODY}",
        "responses={**TAKEN, **BAD_BODY}",
        CREATE + "test_post_stores_a_row_and_answers_201_with_it",
    ),
    mistake(
        "the list is off by one page",
        "목록이 한 쪽 밀림",
        ".offset((page - 1) * size)",
        ".offset(page * size)",
        PAGING + "test_page_and_size_select_a_slice_in_id_order",
        PAGING + "test_defaults_and_past_the_last_page",
    ),
    mistake(
        "no upper bound on the price",
        "가격의 상한(100 000 000)이 없음",
        "Field(ge=0, le=100_000_000)",
        "Field(ge=0)",
        BAD_BODY + "[too-expensive]",
    ),
    mistake(
        "the name is not trimmed",
        "이름의 앞뒤 공백을 빼지 않음",
        "StringConstraints(strip_whitespace=True, min_length=1",
        "StringConstraints(min_length=1",
        CREATE + "test_post_stores_a_row_and_answers_201_with_it",
        BAD_BODY + "[blank]",
    ),
    mistake(
        "no unique constraint on the name",
        "이름에 유일 제약(unique=True)이 없음",
        "mapped_column(String(100), unique=True)",
        "mapped_column(String(100))",
        "test_unique.py::test_duplicate_name_is_409_and_stores_nothing",
        "test_unique.py::test_renaming_to_a_taken_name_is_409_and_changes_nothing[PUT]",
        "test_unique.py::test_renaming_to_a_taken_name_is_409_and_changes_nothing[PATCH]",
        "test_unique.py::test_the_constraint_lives_in_the_database",
        "test_simultaneous_creates.py::test_simultaneous_creates_of_one_name_give_one_201_and_409s",
    ),
    mistake(
        "no upper bound on the id",
        "item_id에 상한(2⁶³−1)이 없어 500",
        "PathParam(ge=1, le=BIGGEST_ID)",
        "PathParam(ge=1)",
        *(
            CREATE + f"test_an_id_past_sqlite_integers_is_422_not_500[{method}]"
            for method in ("GET", "PUT", "PATCH", "DELETE")
        ),
    ),
    mistake(
        "no lower bound on the id",
        "item_id에 하한이 없어 id 0이 404",
        "PathParam(ge=1, le=BIGGEST_ID)",
        "PathParam(le=BIGGEST_ID)",
        CREATE + "test_non_positive_id_is_422",
    ),
    mistake(
        "no upper bound on the page size",
        "size에 상한(100)이 없음",
        "Query(ge=1, le=MAX_SIZE)",
        "Query(ge=1)",
        PAGING + "test_bad_page_or_size_is_422[size-101]",
    ),
    mistake(
        "unknown fields are accepted",
        "모르는 필드(id)를 받아들임",
        '"""Body of POST and PUT: every field is required, nothing else is allowed."""\n\n'
        '    model_config = ConfigDict(extra="forbid")\n',
        '"""Body of POST and PUT: every field is required."""\n',
        BAD_BODY + "[own-id]",
    ),
    mistake(
        "PATCH changes the fields it was not sent",
        "PATCH가 보내지 않은 필드까지 바꿈",
        "body.model_dump(exclude_unset=True)",
        "body.model_dump()",
        CRUD + "TestUpdate::test_patch_changes_only_the_given_fields",
    ),
    mistake(
        "the SQL log shows the values",
        "엔진에 hide_parameters=True가 없어 로그에 값이 남음",
        "connect_args=connect_args, hide_parameters=True)",
        "connect_args=connect_args)",
        REAL + "test_sql_logging_shows_no_item_values",
    ),
    mistake(
        "the session is not closed when the request fails",
        "get_db가 finally 없이 닫음",
        "    try:\n        yield db\n    finally:\n        db.close()",
        "    yield db\n    db.close()",
        "test_session.py::test_get_db_closes_the_session_when_the_request_fails",
    ),
    mistake(
        "no folder for the database file",
        "시작할 때 DATABASE_URL 파일의 폴더를 만들지 않음",
        "    make_sqlite_folder(str(engine.url))\n",
        "",
        REAL + "test_a_real_server_stores_items_in_the_configured_file",
    ),
]


@pytest.mark.parametrize("wrong", MISTAKES, ids=lambda wrong: wrong.name)
def test_a_mistake_costs_only_its_own_tests(grade, tmp_path: Path, wrong: Mistake) -> None:
    check(grade, "ch07", wrong, tmp_path)
