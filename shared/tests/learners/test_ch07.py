"""A learner's chapter 7 (``ch07_items``): SQLAlchemy CRUD whose dependency is ``get_session``.

Without ``get_db`` the suite cannot swap in its test database: the CRUD, pagination and 409
tests run on the learner's own SQLite file (seeded here with rows of "earlier runs", so no test
may assume an empty table or id 1), and only the tests about the test database fail, each
naming the hook.
"""

import sqlite3
from pathlib import Path

import pytest

# About the test database itself: they need `get_db` (and `Base`).
NEEDS_GET_DB = {
    "test_pagination.py::test_the_database_does_the_paging",
    "test_session.py::test_get_db_yields_a_session_and_closes_it",
    "test_session.py::test_get_db_closes_the_session_when_the_request_fails",
    "test_test_database.py::test_each_test_starts_empty_whatever_the_app_committed[fresh]",
    "test_test_database.py::test_each_test_starts_empty_whatever_the_app_committed[rollback]",
    "test_unique.py::test_the_constraint_lives_in_the_database",
}
EXPECTED_LOST = NEEDS_GET_DB | {
    # no 409 handler: the IntegrityError of a taken name is a 500
    "test_unique.py::test_duplicate_name_is_409_and_stores_nothing",
    "test_unique.py::test_renaming_to_a_taken_name_is_409_and_changes_nothing[PUT]",
    "test_unique.py::test_renaming_to_a_taken_name_is_409_and_changes_nothing[PATCH]",
    # `item_id` has no upper bound: 2**63 reaches SQLite (OverflowError, a 500)
    "test_items_crud.py::TestCreateAndRead::test_an_id_past_sqlite_integers_is_422_not_500[GET]",
    "test_items_crud.py::TestCreateAndRead::test_an_id_past_sqlite_integers_is_422_not_500[PUT]",
    "test_items_crud.py::TestCreateAndRead::test_an_id_past_sqlite_integers_is_422_not_500[PATCH]",
    "test_items_crud.py::TestCreateAndRead::test_an_id_past_sqlite_integers_is_422_not_500[DELETE]",
    # PATCH accepts null: the NOT NULL column refuses it (a 500)
    "test_items_crud.py::TestUpdate::test_patch_refuses_nulls_and_unknown_fields[null-price]",
    "test_items_crud.py::TestUpdate::test_patch_refuses_nulls_and_unknown_fields[null-name]",
    # `page` has no upper bound: its OFFSET overflows SQLite's INTEGER
    "test_pagination.py::test_bad_page_or_size_is_422[page-past-sqlite]",
    # tables made at import, and no folder made for DATABASE_URL's file: the server cannot start
    "test_real_database.py::test_a_real_server_stores_items_in_the_configured_file",
    # no 409 handler (above): the simultaneous creates that lose to the constraint are 500s
    "test_simultaneous_creates.py::test_simultaneous_creates_of_one_name_give_one_201_and_409s",
    # no `hide_parameters=True`: SQL logging (and each 500's traceback) shows the row's values
    "test_real_database.py::test_sql_logging_shows_no_item_values",
    # no `responses={400: ...}`: the 400 of a body that is not UTF-8 is not in /openapi.json
    "test_documented_answers.py::test_a_body_that_is_not_utf8_is_a_documented_400"
    "[POST-/items-/items]",
    "test_documented_answers.py::test_a_body_that_is_not_utf8_is_a_documented_400"
    "[PUT-/items/{id}-/items/{item_id}]",
    "test_documented_answers.py::test_a_body_that_is_not_utf8_is_a_documented_400"
    "[PATCH-/items/{id}-/items/{item_id}]",
}


def seeded_database(path: Path) -> str:
    """The learner's own database as earlier runs left it: 13 rows, ids 1-13 taken."""
    connection = sqlite3.connect(path)
    try:
        connection.execute(
            "CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL UNIQUE,"
            " price INTEGER NOT NULL)"
        )
        rows = [(f"지난 실행 {n}", n * 10) for n in range(13)]
        connection.executemany("INSERT INTO items (name, price) VALUES (?, ?)", rows)
        connection.commit()
    finally:
        connection.close()
    return f"sqlite:///{path.as_posix()}"


def test_learner_loses_only_what_it_lacks(
    grade, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The learner's app reads DATABASE_URL at import: its "own" file, here in tmp_path.
    monkeypatch.setenv("DATABASE_URL", seeded_database(tmp_path / "learner.db"))
    # Serial: without get_db every test runs on the learner's one file, and a page read by one
    # worker would hold the rows another worker just made.
    result = grade("ch07", "shared.tests.learners.ch07_items")
    assert result.errors == set()
    assert result.failed == EXPECTED_LOST
    for name in NEEDS_GET_DB:
        assert "`get_db`" in result.messages[name], result.messages[name]
    assert result.earned == result.possible - sum(result.lost.values())
    assert result.earned > 0
