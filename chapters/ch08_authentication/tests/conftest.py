"""챕터 8 테스트의 fixture: 채점할 풀이, 테스트용 DB, 클라이언트, 사용자.

훅이 있으면 테스트용 DB와 설정으로 바꾸고, 없으면 풀이 자신의 것으로 돕니다(README의 채점 계약).
"""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, Table, create_engine, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from shared.testing import Solution, chapter_fixtures, cheap_argon2, overridden
from shared.testing.postgres import server_database

from .support import (
    PASSWORD,
    TEST_EXPIRE_MINUTES,
    TEST_SECRET_KEY,
    has_test_database,
    has_test_settings,
)

solution, app = chapter_fixtures(__name__)

HERE = Path(__file__).parent
# The README asks for a logged warning when SECRET_KEY is missing and forbids nothing more: a
# solution that also calls ``warnings.warn`` is not wrong (pytest would make it an error).
SECRET_KEY_WARNING = pytest.mark.filterwarnings("ignore:(?s).*SECRET_KEY")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """이 챕터의 테스트는 `SECRET_KEY`에 대한 풀이의 `warnings.warn`을 오류로 보지 않습니다."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(SECRET_KEY_WARNING)


@pytest.fixture(autouse=True)
def cheap_hashing() -> Iterator[None]:
    """우리 풀이의 argon2를 가장 싼 설정으로: 해시 형식은 같고 테스트는 빨라집니다."""
    with cheap_argon2(f"{__package__.rpartition('.')[0]}.app.security"):
        yield


GET_DB_WHY = "테스트용 DB로 바꾸려면 필요합니다"
BASE_WHY = "테스트용 DB에 users 테이블을 만들고 읽으려면 필요합니다"
GET_SETTINGS_WHY = "테스트가 아는 서명 키로 설정을 바꾸려면 필요합니다"
SETTINGS_WHY = "테스트용 설정(서명 키, 만료 시간)을 만들려면 필요합니다"


@pytest.fixture
def settings(solution: Solution) -> Any:
    """테스트용 설정: 테스트가 아는 키와 짧은 만료 시간."""
    solution.hook("get_settings", GET_SETTINGS_WHY)
    return solution.hook("Settings", SETTINGS_WHY)(
        secret_key=TEST_SECRET_KEY, access_token_expire_minutes=TEST_EXPIRE_MINUTES
    )


@pytest.fixture
def engine(solution: Solution, tmp_path: Path) -> Iterator[Engine]:
    """이 테스트만의 SQLite 파일, 풀이의 테이블을 갖춘 것."""
    solution.hook("get_db", GET_DB_WHY)
    metadata = solution.hook("Base", BASE_WHY).metadata
    url = server_database()  # nox -s postgres: a database on its server
    if url is None:
        url = f"sqlite:///{tmp_path / 'test.db'}"
    engine = create_engine(
        url, connect_args={"check_same_thread": False} if "sqlite" in url else {}
    )
    metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def users_table(solution: Solution, engine: Engine) -> Table:
    """테스트용 DB의 ``users`` 테이블(풀이의 ``Base``에서 찾음)."""
    return solution.hook("Base", BASE_WHY).metadata.tables["users"]


@pytest.fixture
def count_users(engine: Engine, users_table: Table) -> Callable[[], int]:
    """``count_users()`` -> 테스트용 DB의 사용자 수."""

    def count() -> int:
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(users_table))

    return count


@pytest.fixture
def own_engine(request: pytest.FixtureRequest, solution: Solution) -> Engine | None:
    """풀이가 허락하면 테스트용 DB, 아니면 ``None``(풀이 자신의 DB)."""
    return request.getfixturevalue("engine") if has_test_database(solution) else None


@pytest.fixture
def stored_users(
    request: pytest.FixtureRequest, own_engine: Engine | None
) -> Callable[[int], None]:
    """``stored_users(1)``: 테스트용 DB의 사용자가 정확히 하나(풀이 자신의 DB에서는 세지 않음)."""

    def check(expected: int) -> None:
        if own_engine is not None:
            assert request.getfixturevalue("count_users")() == expected

    return check


@pytest.fixture
def client(
    request: pytest.FixtureRequest, app: FastAPI, solution: Solution, own_engine: Engine | None
) -> Iterator[TestClient]:
    """테스트용 DB와 설정을 풀이가 허락하는 만큼 바꿔 끼운 클라이언트(끝나면 복원)."""
    replacements: dict[Callable[..., Any], Callable[..., Any]] = {}
    if own_engine is not None:
        test_session = sessionmaker(bind=own_engine, autoflush=False)

        def override_get_db() -> Iterator[Session]:
            with test_session() as session:
                yield session

        replacements[solution.get_db] = override_get_db
    if has_test_settings(solution):
        settings = request.getfixturevalue("settings")
        replacements[solution.get_settings] = lambda: settings
    with overridden(app, replacements), TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def known_key(client: TestClient, settings: Any) -> str:
    """이 테스트에서 앱이 서명하는 키(``get_settings``와 ``Settings``가 필요)."""
    return TEST_SECRET_KEY


@pytest.fixture
def name() -> Callable[..., str]:
    """``name("alice")`` -> ``"alice_1a2b3c4d"``: 다른 테스트나 실행에 없는 아이디."""
    tag = uuid4().hex[:8]
    return lambda base="alice": f"{base}_{tag}"


@pytest.fixture
def register(client: TestClient) -> Callable[..., dict]:
    """``register(name("alice"))`` -> API가 답한 새 사용자(200이나 201인지 확인).

    The 201 itself is graded by ``test_users.py`` alone: a create answering 200 costs that
    test, not every test that needs a user."""

    def register_user(username: str, password: str = PASSWORD) -> dict:
        response = client.post("/users", json={"username": username, "password": password})
        assert response.status_code in (200, 201), response.text
        return response.json()

    return register_user


@pytest.fixture
def login(client: TestClient) -> Callable[..., str]:
    """``login(username)`` -> Bearer 액세스 토큰(200인지 확인)."""

    def log_in(username: str, password: str = PASSWORD) -> str:
        response = client.post("/login", data={"username": username, "password": password})
        assert response.status_code == 200, response.text
        return response.json()["access_token"]

    return log_in


@pytest.fixture
def admin(
    engine: Engine,
    users_table: Table,
    name: Callable[..., str],
    register: Callable[..., dict],
    login: Callable[..., str],
) -> tuple[str, str]:
    """가입한 뒤 테스트용 DB에서 "admin"이 된 사용자의 ``(username, token)``."""
    username = name("root")
    register(username)
    with engine.begin() as connection:
        connection.execute(
            update(users_table).where(users_table.c.username == username).values(role="admin")
        )
    return username, login(username)


@pytest.fixture
def use_settings(app: FastAPI, solution: Solution, client: TestClient) -> Callable[..., None]:
    """``use_settings(access_token_expire_minutes=90)``: 이 테스트만의 다른 설정."""
    get_settings = solution.hook("get_settings", GET_SETTINGS_WHY)
    settings_class = solution.hook("Settings", SETTINGS_WHY)

    def override(**changes: Any) -> None:
        settings = settings_class(**{"secret_key": TEST_SECRET_KEY, **changes})
        app.dependency_overrides[get_settings] = lambda: settings

    return override
