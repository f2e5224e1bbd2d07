"""교재 5절: ``dependency_overrides``로 테스트용 DB와 메모리 outbox를 진짜 대신 넣고,
테스트마다 복원한다(의존성 복원).
"""

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from shared.grading.chapters import REPO_ROOT
from shared.testing import free_port, overridden

from .conftest import Outbox, table_of


@pytest.mark.points(2)
def test_requests_use_the_test_database(client: TestClient, count_rows, sample_item) -> None:
    """`get_db`를 오버라이드하면 요청이 만든 행이 이 테스트의 테스트용 DB에 저장된다."""
    assert count_rows("items") == 0
    client.post("/items", json=sample_item)
    assert count_rows("items") == 1  # the row is in this test's own SQLite file


@pytest.mark.points(2)
def test_background_tasks_use_the_test_database_too(
    client: TestClient, solution: ModuleType, TestSessionLocal
) -> None:
    """백그라운드 작업도 오버라이드된 테스트용 DB에 결과를 쓴다.

    요청의 세션은 작업 전에 닫히지만, 작업 자신의 세션도 오버라이드된 DB에 있어야 한다
    (여기서는 업로드 작업이 결과를 쓴다).
    """
    response = client.post("/upload", files={"file": ("a.txt", b"a\nb\n", "text/plain")})
    uploads = table_of(solution, "uploads")
    with TestSessionLocal() as db:
        row = db.execute(select(uploads).where(uploads.c.id == response.json()["id"])).one()
    assert row.status == "done"
    assert row.size == 4


@pytest.mark.points(2)
def test_the_outbox_replaces_the_mailer(
    client: TestClient, overrides: dict, get_settings, settings, outbox: Outbox
) -> None:
    """`get_mailer`를 오버라이드하면 메일은 SMTP 대신 테스트용 outbox로 간다.

    설정은 "아무도 듣지 않는 포트로 SMTP 발송"이다: 오버라이드가 있어야만 알림이 성공하고,
    outbox에 메일이 든다.
    """
    unreachable = settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": free_port()})
    overrides[get_settings] = lambda: unreachable
    response = client.post("/send-notification", params={"email": "outbox@example.com"})
    assert [message["To"] for message in outbox.messages] == ["outbox@example.com"]
    assert client.get(f"/notifications/{response.json()['id']}").json()["status"] == "sent"


def test_a_test_sees_exactly_its_own_overrides(
    app: FastAPI,
    client: TestClient,
    solution: ModuleType,
    get_db,
    test_engine,
    own_outbox: Outbox,
) -> None:
    """테스트는 자기 fixture가 넣은 오버라이드만 본다(앞 테스트의 것은 남지 않는다).

    이 워커에서 앞서 무엇이 돌았든, 이 테스트는 자기 fixture가 넣은 것만 찾는다: ``get_db``의 것,
    그리고 풀이에 있으면 ``get_settings``와 ``get_mailer``의 것.
    """
    expected = {get_db} | {
        getattr(solution, name) for name in ("get_settings", "get_mailer") if solution.has(name)
    }
    assert set(app.dependency_overrides) == expected
    if solution.has("get_mailer"):
        assert app.dependency_overrides[solution.get_mailer]() is own_outbox


def test_overridden_restores_exactly_the_previous_overrides(
    app: FastAPI,
    client: TestClient,
    overrides: dict,
    solution: ModuleType,
    get_db,
    count_rows,
    sample_item,
    tmp_path: Path,
) -> None:
    """오버라이드를 복원하면 그 전에 있던 오버라이드가 그대로 돌아오고, 앱은 다시 그것을 쓴다.

    복원은 있던 것을 되돌린다: 남의 것까지 지우는 ``clear()``는 쓰지 않는다. 안쪽 블록의 DB가
    그 안에서 만든 아이템을 받고, 복원한 뒤의 아이템은 다시 이 테스트의 DB로 간다.
    """

    def someone_elses() -> None: ...

    overrides[someone_elses] = Outbox  # an override that is not ours: it must survive
    before = dict(app.dependency_overrides)
    inner_engine = create_engine(f"sqlite:///{tmp_path / 'inner.db'}")
    solution.Base.metadata.create_all(inner_engine)
    inner_sessions = sessionmaker(bind=inner_engine, expire_on_commit=False)

    def inner_db() -> Iterator[Session]:
        with inner_sessions() as db:
            yield db

    with overridden(app, {get_db: inner_db, someone_elses: object}):
        client.post("/items", json=sample_item)
    assert app.dependency_overrides == before
    client.post("/items", json=sample_item)
    items = table_of(solution, "items")
    with inner_engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(items)) == 1
    inner_engine.dispose()
    assert count_rows("items") == 1  # the second item, in this test's own database


LEAK_CHECK = """
from chapters.ch10_background_tasks_and_testing.tests.conftest import *  # the fixtures


INSTALLED = ("get_db", "get_settings", "get_mailer")


def test_first_changes_overrides_and_data(app, client, overrides, solution):
    assert client.post("/items", json={"name": "first", "price": 1}).status_code in (200, 201)
    overrides[solution.get_db] = lambda: "left over by the first test"
    app.dependency_overrides[len] = abs  # even one put straight into the app's dict


def test_second_sees_nothing_of_it(app, solution, client):
    assert set(app.dependency_overrides) == {
        getattr(solution, name) for name in INSTALLED if solution.has(name)
    }
    assert not isinstance(app.dependency_overrides[solution.get_db](), str)
    assert client.get("/items").json() == []


def test_third_runs_without_fixtures(app):
    assert app.dependency_overrides == {}
"""


@pytest.mark.points(2)
@pytest.mark.timeout(120)
def test_nothing_leaks_into_the_next_test(
    solution: ModuleType, test_engine, tmp_path: Path
) -> None:
    """한 테스트가 바꾼 오버라이드와 데이터는 다음 테스트에 남지 않는다(실제 pytest 실행).

    한 pytest 실행에서 세 테스트를 차례로 돌린다: 첫 테스트가 바꾼 것은 다음 테스트에 없다
    (``--solution``을 넘겨 같은 앱을 확인한다).
    """
    test_file = tmp_path / "test_leak.py"
    test_file.write_text(textwrap.dedent(LEAK_CHECK), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(test_file),
            "-p",
            "no:cacheprovider",
            "-n",
            "0",
            "-q",
            f"--solution={solution.spec.value or 'ch10=' + solution.__name__}",
            f"--basetemp={tmp_path / 'inner'}",
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
