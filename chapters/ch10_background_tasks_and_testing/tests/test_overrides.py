"""Section 5 of the course text: ``dependency_overrides`` put a test database and an in-memory
outbox in place of the real ones, and are restored after each test (의존성 복원)."""

import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

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

    The request's session is closed before its tasks run; the task's own session must still
    be on the overridden database (here: the upload task writes its results there)."""
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

    Settings say "send over SMTP to a port where nothing listens": only the override makes
    the notification succeed, and the outbox holds the message."""
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

    Whatever ran before in this worker (tests that swap the mailer for a failing one...),
    this test finds only what its own fixtures installed: ``get_db``'s, and ``get_settings``'
    and ``get_mailer``'s if the solution has them."""
    expected = {get_db} | {
        getattr(solution, name) for name in ("get_settings", "get_mailer") if solution.has(name)
    }
    assert set(app.dependency_overrides) == expected
    if solution.has("get_mailer"):
        assert app.dependency_overrides[solution.get_mailer]() is own_outbox


def test_overridden_restores_exactly_the_previous_overrides(app: FastAPI) -> None:
    """오버라이드를 복원하면 그 전에 있던 오버라이드가 그대로 돌아온다(남의 것까지).

    The restore puts back what was there, including overrides that are not ours: never a
    bare ``clear()``, which would also drop someone else's. Any callables serve as keys."""

    def a_dependency() -> None: ...

    def another_dependency() -> None: ...

    def someone_elses() -> None: ...

    with overridden(app, {a_dependency: someone_elses}) as outer:
        before = dict(outer)
        with overridden(app, {another_dependency: Outbox, a_dependency: object}):
            assert app.dependency_overrides[a_dependency] is object
        assert app.dependency_overrides == before
        assert app.dependency_overrides[a_dependency] is someone_elses


LEAK_CHECK = """
from chapters.ch10_background_tasks_and_testing.tests.conftest import *  # the fixtures


INSTALLED = ("get_db", "get_settings", "get_mailer")


def test_first_changes_overrides_and_data(app, client, overrides, solution):
    assert client.post("/items", json={"name": "first", "price": 1}).status_code == 201
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

    Three tests in one pytest run, in order: what the first one changes is gone in the next
    ones (``--solution`` is passed on, so the run checks the same app)."""
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
