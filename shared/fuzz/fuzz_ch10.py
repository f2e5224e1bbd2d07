"""Chapter 10's app under the fuzzer: its database, audit log and uploads in the test's own
folder, mail kept in memory; the lifespan runs, as with ``with TestClient(app)``.

Every operation is fuzzed without credentials; the secured ones once more with a valid token.
"""

import secrets
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
import schemathesis
from sqlalchemy.orm import Session

from chapters.ch10_background_tasks_and_testing.app.main import (
    Base,
    Settings,
    app,
    get_db,
    get_mailer,
    get_settings,
)
from chapters.ch10_background_tasks_and_testing.app.models import User
from chapters.ch10_background_tasks_and_testing.app.security import (
    create_access_token,
    hash_password,
)
from shared.testing import overridden

from .harness import (
    each_operation,
    fuzz,
    lifespan_stopped,
    schema_of,
    secured,
    sqlite_database,
)

schema = schema_of(app)
USER = "fuzz_user"


class Outbox:
    """The mailer: keeps what it is asked to send (no mail leaves the machine)."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    def send(self, message: EmailMessage) -> None:
        self.messages.append(message)


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[Settings]:
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'ch10.db'}",
        audit_log_path=tmp_path / "audit.log",
        upload_dir=tmp_path / "uploads",
        smtp_host=None,
        secret_key=secrets.token_urlsafe(32),
    )
    outbox = Outbox()
    with (
        sqlite_database(tmp_path / "ch10.db", Base.metadata) as get_test_db,
        overridden(
            app, {get_db: get_test_db, get_settings: lambda: settings, get_mailer: lambda: outbox}
        ),
        lifespan_stopped(),
    ):
        db: Session = next(get_test_db())
        db.add(User(username=USER, hashed_password=hash_password(secrets.token_urlsafe(16))))
        db.commit()
        db.close()
        yield settings


@each_operation(schema)
def test_ch10(operation: schemathesis.APIOperation, settings: Settings) -> None:
    fuzz(operation)


@each_operation(secured(schema))
def test_ch10_with_token(operation: schemathesis.APIOperation, settings: Settings) -> None:
    fuzz(operation, headers={"Authorization": f"Bearer {create_access_token(USER, settings)}"})
