"""Chapter 8's app under the fuzzer: users in a SQLite file of the test's own, a test key.

Every operation is fuzzed without credentials (a random or missing token must be a 401); the
secured ones once more with an admin's valid token, which every role check lets through.
"""

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from sqlalchemy.orm import Session

from chapters.ch08_authentication.app.main import (
    Base,
    Settings,
    app,
    create_user,
    get_db,
    get_settings,
)
from chapters.ch08_authentication.app.security import create_access_token
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
SETTINGS = Settings(secret_key=secrets.token_urlsafe(32))
ADMIN = "fuzz_admin"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[None]:
    with (
        sqlite_database(tmp_path / "users.db", Base.metadata) as get_test_db,
        overridden(app, {get_db: get_test_db, get_settings: lambda: SETTINGS}),
        lifespan_stopped(),
    ):
        db: Session = next(get_test_db())
        create_user(db, ADMIN, secrets.token_urlsafe(16), role="admin")
        db.close()
        yield


@each_operation(schema)
def test_ch08(operation: schemathesis.APIOperation, database: None) -> None:
    fuzz(operation)


@each_operation(secured(schema))
def test_ch08_with_token(operation: schemathesis.APIOperation, database: None) -> None:
    fuzz(operation, headers={"Authorization": f"Bearer {create_access_token(ADMIN, SETTINGS)}"})
