"""A learner's chapter 8 (``ch08_auth``): register, form login, JWT, ``/users/me``, no roles.

Its settings are module constants and its session dependency is ``get_session``: the tests run
on its own key and its own SQLite file (seeded here with users of "earlier runs", ``alice``
among them, so no test may count on a fixed username). The tests that need the settings' key,
the settings class or the test database fail, each naming the hook; every test of what it does
over HTTP (register, login, ``/users/me``, ``/protected``, 401s) passes.
"""

import sqlite3
from pathlib import Path

import pytest

# Tokens signed with the settings' key, or other settings for the app: `get_settings`.
NEEDS_GET_SETTINGS = {
    "test_login.py::test_token_is_signed_with_the_settings_key_and_names_the_user",
    "test_login.py::test_token_expires_after_the_configured_minutes[15]",
    "test_login.py::test_token_expires_after_the_configured_minutes[90]",
    "test_tokens.py::test_expired_token_is_401",
    "test_tokens.py::test_token_without_expiry_is_401",
    "test_tokens.py::test_token_for_an_unknown_user_is_401",
    "test_settings.py::test_get_settings_is_cached",
}
# The settings class itself, read from the environment: `Settings`.
NEEDS_SETTINGS = {
    "test_settings.py::test_secret_key_is_read_from_the_environment",
    "test_settings.py::test_without_secret_key_each_process_gets_a_random_key_and_a_warning",
    "test_settings.py::test_a_short_secret_key_is_refused[empty]",
    "test_settings.py::test_a_short_secret_key_is_refused[short]",
    "test_settings.py::test_a_short_secret_key_is_refused[31-chars]",
    "test_settings.py::test_a_first_admin_needs_both_name_and_password[FIRST_ADMIN_USERNAME]",
    "test_settings.py::test_a_first_admin_needs_both_name_and_password[FIRST_ADMIN_PASSWORD]",
}
# Reading the test database (the stored hash) or making an admin in it: `get_db`.
NEEDS_GET_DB = {
    "test_users.py::test_password_is_stored_as_a_salted_argon2_hash",
    "test_roles.py::test_admin_opens_the_admin_routes",
}
NO_ADMIN_ROUTES = {  # no roles: /admin and /admin/users are 404
    "test_roles.py::test_a_regular_user_gets_403",
    "test_roles.py::test_registration_cannot_ask_for_the_admin_role",
    "test_roles.py::test_admin_routes_need_a_token",
    "test_documented_answers.py::test_a_missing_token_is_a_documented_401[/admin]",
    "test_documented_answers.py::test_a_missing_token_is_a_documented_401[/admin/users]",
    "test_documented_answers.py::test_a_regular_users_answer_on_the_admin_routes_is_documented"
    "[/admin]",
    "test_documented_answers.py::test_a_regular_users_answer_on_the_admin_routes_is_documented"
    "[/admin/users]",
    # FIRST_ADMIN_USERNAME/PASSWORD are not read: the first admin cannot log in
    "test_server.py::test_first_admin_from_the_environment_reaches_the_admin_routes",
}
EXPECTED_LOST = (
    NEEDS_GET_SETTINGS
    | NEEDS_SETTINGS
    | NEEDS_GET_DB
    | NO_ADMIN_ROUTES
    | {
        # no `responses=`: the 401s, the 409 and the 400 are not listed in /openapi.json
        "test_documented_answers.py::test_a_missing_token_is_a_documented_401[/users/me]",
        "test_documented_answers.py::test_a_missing_token_is_a_documented_401[/protected]",
        "test_documented_answers.py::test_a_wrong_password_is_a_documented_401",
        "test_documented_answers.py::test_a_taken_username_is_a_documented_409",
        "test_documented_answers.py::test_a_body_that_is_not_utf8_is_a_documented_400",
        # tables made at import, no folder made for DATABASE_URL's file: the server cannot start
        "test_restart.py::test_users_and_tokens_survive_a_restart",
        # checks that the name is free, hashes, then inserts, with no `except IntegrityError`:
        # the simultaneous registrations that all passed the check are 500s, not 409s
        "test_server.py::test_simultaneous_registrations_of_one_name_give_one_201_and_409s",
        # no `hide_parameters=True`: SQL logging (and each 500's traceback) shows the argon2 hash
        "test_server.py::test_logs_show_no_password_hash_or_token",
    }
)
HOOK_OF = (
    [(name, "`get_settings`") for name in NEEDS_GET_SETTINGS]
    + [(name, "`Settings`") for name in NEEDS_SETTINGS]
    + [(name, "`get_db`") for name in NEEDS_GET_DB]
)


def seeded_database(path: Path) -> str:
    """The learner's own database as earlier runs left it: users alice, bob, root, eve."""
    connection = sqlite3.connect(path)
    try:
        connection.execute(
            "CREATE TABLE users (id INTEGER PRIMARY KEY, username VARCHAR(32) NOT NULL UNIQUE,"
            " hashed_password VARCHAR NOT NULL, role VARCHAR NOT NULL)"
        )
        rows = [(name, "$argon2id$not-a-real-hash", "user") for name in ("alice", "bob", "eve")]
        rows.append(("root", "$argon2id$not-a-real-hash", "admin"))
        connection.executemany(
            "INSERT INTO users (username, hashed_password, role) VALUES (?, ?, ?)", rows
        )
        connection.commit()
    finally:
        connection.close()
    return f"sqlite:///{path.as_posix()}"


# The suite in two parts, each on two workers (the learner's argon2 is the real one: the whole
# suite is some 20 s of CPU): the real servers' files, and every other file.
SERVER_FILES = ("test_server.py", "test_restart.py")


def grade_learner(grade, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **part):
    # The learner's app reads DATABASE_URL at import: its "own" file, here in tmp_path.
    monkeypatch.setenv("DATABASE_URL", seeded_database(tmp_path / "learner.db"))
    # Serial: without get_db every test runs on the learner's one database file.
    result = grade("ch08", "shared.tests.learners.ch08_auth", **part)
    assert result.errors == set()
    assert result.earned == result.possible - sum(result.lost.values())
    return result


def test_learner_loses_only_what_it_lacks(
    grade, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = grade_learner(grade, tmp_path, monkeypatch, ignore=SERVER_FILES)
    assert result.failed == {n for n in EXPECTED_LOST if not n.startswith(SERVER_FILES)}
    for name, hook in HOOK_OF:
        assert hook in result.messages[name], result.messages[name]
    assert result.earned > 0


def test_learner_loses_only_what_it_lacks_on_real_servers(
    grade, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = grade_learner(grade, tmp_path, monkeypatch, files=SERVER_FILES)
    assert result.failed == {n for n in EXPECTED_LOST if n.startswith(SERVER_FILES)}
    assert result.earned > 0  # without SECRET_KEY, its tokens do die with the process
