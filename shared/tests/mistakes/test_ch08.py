"""Chapter 8's mistakes catalogue: each classic mistake, planted in the README-only solution,
costs exactly the tests about it (and no setup errors)."""

from pathlib import Path

import pytest

from shared.tests.mistakes import Mistake, check, mistake

MISTAKES = [
    mistake(
        "create_answers_200",
        "가입이 201 대신 200으로 답함",
        "    status_code=status.HTTP_201_CREATED,\n    response_model=UserOut,",
        "    response_model=UserOut,",
        "test_users.py::test_register_answers_201_with_public_fields_only",
    ),
    mistake(
        "unsalted_sha256",
        "비밀번호를 salt 없는 SHA-256으로 저장함",
        "password_hash = PasswordHash((Argon2Hasher(),))",
        "class Sha256:\n"
        "    def hash(self, password):\n"
        "        import hashlib\n\n"
        "        return hashlib.sha256(password.encode()).hexdigest()\n\n"
        "    def verify(self, password, hashed):\n"
        "        return self.hash(password) == hashed\n\n\n"
        "password_hash = Sha256()",
        "test_users.py::test_password_is_stored_as_a_salted_argon2_hash",
    ),
    mistake(
        "check_then_insert",
        "아이디가 비었는지 먼저 확인하고 저장함 (`IntegrityError`를 잡지 않음)",
        "    user = User(username=new_user.username, hashed_password=password_hash.hash("
        'new_user.password), role="user")\n'
        "    db.add(user)\n"
        "    try:\n"
        "        db.commit()\n"
        "    except IntegrityError:\n"
        "        db.rollback()\n"
        "        raise HTTPException(\n"
        "            status_code=status.HTTP_409_CONFLICT,\n"
        '            detail="이미 있는 아이디입니다 (Username already registered)",\n'
        "        ) from None\n",
        "    if db.scalar(select(User).where(User.username == new_user.username)):\n"
        "        raise HTTPException(\n"
        "            status_code=status.HTTP_409_CONFLICT,\n"
        '            detail="이미 있는 아이디입니다 (Username already registered)",\n'
        "        )\n"
        "    user = User(username=new_user.username, hashed_password=password_hash.hash("
        'new_user.password), role="user")\n'
        "    db.add(user)\n"
        "    db.commit()\n",
        "test_server.py::test_simultaneous_registrations_of_one_name_give_one_201_and_409s",
    ),
    mistake(
        "login_tells_unknown_user",
        "없는 아이디에 틀린 비밀번호와 다른 401 메시지를 줌",
        "        password_hash.verify(form.password, dummy_hash)  # same work, same timing\n"
        "        ok = False",
        "        raise HTTPException(status_code=401, detail='없는 아이디입니다',"
        " headers={'WWW-Authenticate': 'Bearer'})",
        "test_login.py::test_wrong_password_and_unknown_user_get_the_same_401",
    ),
    mistake(
        "missing_token_without_www_authenticate",
        "토큰이 없을 때의 401에 `WWW-Authenticate: Bearer`를 빠뜨림",
        '            detail="로그인이 필요합니다 (Not authenticated)",\n'
        '            headers={"WWW-Authenticate": "Bearer"},',
        '            detail="로그인이 필요합니다 (Not authenticated)",',
        "test_tokens.py::test_missing_token_is_401",
        "test_tokens.py::test_malformed_token_is_401[empty]",
        "test_tokens.py::test_malformed_token_is_401[basic-scheme]",
        "test_tokens.py::test_malformed_token_is_401[no-scheme]",
        "test_roles.py::test_admin_routes_need_a_token",
    ),
    mistake(
        "signature_not_verified",
        "토큰의 서명을 확인하지 않음 (`verify_signature: False`)",
        'options={"require": ["exp", "sub"]},',
        'options={"require": ["exp", "sub"], "verify_signature": False},',
        "test_tokens.py::test_token_signed_with_another_key_is_401",
        "test_tokens.py::test_unsigned_token_is_401",
        "test_tokens.py::test_expired_token_is_401",
        # a restarted server's new random key does not reject the old token either
        "test_restart.py::test_without_secret_key_tokens_die_with_the_process",
    ),
    mistake(
        "exp_not_required",
        "`exp`가 없는 토큰을 받아들임 (`require`를 빠뜨림)",
        'options={"require": ["exp", "sub"]},',
        'options={"require": ["sub"]},',
        "test_tokens.py::test_token_without_expiry_is_401",
    ),
    mistake(
        "role_answers_401",
        "역할이 없는 사용자에게 403 대신 401로 답함",
        "status_code=status.HTTP_403_FORBIDDEN,",
        "status_code=status.HTTP_401_UNAUTHORIZED,",
        "test_roles.py::test_a_regular_user_gets_403",
        "test_roles.py::test_registration_cannot_ask_for_the_admin_role",
        "test_server.py::test_first_admin_from_the_environment_reaches_the_admin_routes",
    ),
    mistake(
        "fixed_secret_key",
        "`SECRET_KEY`가 없을 때 코드에 적힌 고정 키를 씀",
        "self.secret_key = SecretStr(secrets.token_urlsafe(32))",
        'self.secret_key = SecretStr("my-very-own-secret-key-written-in-the-code")',
        "test_settings.py::test_without_secret_key_each_process_gets_a_random_key_and_a_warning",
        "test_restart.py::test_without_secret_key_tokens_die_with_the_process",
    ),
    mistake(
        "settings_not_cached",
        "`get_settings`를 캐시하지 않음 (요청마다 새 무작위 키)",
        "@lru_cache\ndef get_settings",
        "def get_settings",
        "test_settings.py::test_get_settings_is_cached",
        "test_restart.py::test_without_secret_key_tokens_die_with_the_process",
    ),
    mistake(
        "sql_log_shows_parameters",
        "엔진에 `hide_parameters=True`를 빠뜨려 SQL 로그에 해시가 남음",
        'kwargs: dict = {"hide_parameters": True}',
        "kwargs: dict = {}",
        "test_server.py::test_logs_show_no_password_hash_or_token",
    ),
]


@pytest.mark.parametrize("wrong", MISTAKES, ids=[m.name for m in MISTAKES])
def test_mistake_costs_only_its_own_tests(grade, tmp_path: Path, wrong: Mistake) -> None:
    check(grade, "ch08", wrong, tmp_path)
