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

from .conftest import Outbox


@pytest.mark.points(2)
def test_requests_use_the_test_database(client: TestClient, count_rows, sample_item) -> None:
    assert count_rows("items") == 0
    client.post("/items", json=sample_item)
    assert count_rows("items") == 1  # the row is in this test's own SQLite file


@pytest.mark.points(2)
def test_background_tasks_use_the_test_database_too(
    client: TestClient, solution: ModuleType, TestSessionLocal
) -> None:
    """The request's session is closed before its tasks run; the task's own session must still
    be on the overridden database (here: the upload task writes its results there)."""
    response = client.post("/upload", files={"file": ("a.txt", b"a\nb\n", "text/plain")})
    uploads = solution.Base.metadata.tables["uploads"]
    with TestSessionLocal() as db:
        row = db.execute(select(uploads).where(uploads.c.id == response.json()["id"])).one()
    assert row.status == "done"
    assert row.size == 4


@pytest.mark.points(2)
def test_the_outbox_replaces_the_mailer(
    client: TestClient, overrides: dict, solution: ModuleType, settings, outbox: Outbox
) -> None:
    """Settings say "send over SMTP to a port where nothing listens": only the override makes
    the notification succeed, and the outbox holds the message."""
    unreachable = settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": free_port()})
    overrides[solution.get_settings] = lambda: unreachable
    response = client.post("/send-notification", params={"email": "outbox@example.com"})
    assert [message["To"] for message in outbox.messages] == ["outbox@example.com"]
    assert client.get(f"/notifications/{response.json()['id']}").json()["status"] == "sent"


def test_a_test_sees_exactly_its_own_overrides(
    app: FastAPI, client: TestClient, solution: ModuleType, outbox: Outbox
) -> None:
    """Whatever ran before in this worker (tests that swap the mailer for a failing one...),
    this test finds only what its own fixtures installed."""
    assert set(app.dependency_overrides) == {
        solution.get_db,
        solution.get_settings,
        solution.get_mailer,
    }
    assert app.dependency_overrides[solution.get_mailer]() is outbox


def test_overridden_restores_exactly_the_previous_overrides(
    app: FastAPI, solution: ModuleType
) -> None:
    """The restore puts back what was there, including overrides that are not ours: never a
    bare ``clear()``, which would also drop someone else's."""

    def someone_elses() -> None: ...

    with overridden(app, {solution.get_settings: someone_elses}) as outer:
        before = dict(outer)
        with overridden(app, {solution.get_mailer: Outbox, solution.get_settings: object}):
            assert app.dependency_overrides[solution.get_settings] is object
        assert app.dependency_overrides == before
        assert app.dependency_overrides[solution.get_settings] is someone_elses


LEAK_CHECK = """
from chapters.ch10_background_tasks_and_testing.tests.conftest import *  # the fixtures


def test_first_changes_overrides_and_data(app, client, overrides, solution):
    overrides[solution.get_mailer] = lambda: "left over by the first test"
    app.dependency_overrides[len] = abs  # even one put straight into the app's dict
    assert client.post("/items", json={"name": "first", "price": 1}).status_code == 201


def test_second_sees_nothing_of_it(app, solution, client):
    assert set(app.dependency_overrides) == {
        solution.get_db, solution.get_settings, solution.get_mailer
    }
    assert not isinstance(app.dependency_overrides[solution.get_mailer](), str)
    assert client.get("/items").json() == []


def test_third_runs_without_fixtures(app):
    assert app.dependency_overrides == {}
"""


@pytest.mark.points(2)
def test_nothing_leaks_into_the_next_test(solution: ModuleType, tmp_path: Path) -> None:
    """Three tests in one pytest run, in order: what the first one changes is gone in the next
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
            f"--solution=ch10={solution.__name__}",
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
