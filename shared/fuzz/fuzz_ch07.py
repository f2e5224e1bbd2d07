"""Chapter 7's app under the fuzzer, on a SQLite file of the test's own.

``get_db`` is pointed at it, and the app runs without its lifespan, which would create tables
in the configured database (as the chapter's own in-process tests, for the same reason).
"""

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis

from chapters.ch07_database.app.main import Base, app, get_db
from shared.testing import overridden

from .harness import (
    each_operation,
    fuzz,
    lifespan_stopped,
    schema_of,
    sqlite_database,
    without_lifespan,
)

schema = schema_of(app)
schema.app = without_lifespan(app)


@pytest.fixture
def database(tmp_path: Path) -> Iterator[None]:
    with (
        sqlite_database(tmp_path / "items.db", Base.metadata) as get_test_db,
        overridden(app, {get_db: get_test_db}),
        lifespan_stopped(),
    ):
        yield


@each_operation(schema)
def test_ch07(operation: schemathesis.APIOperation, database: None) -> None:
    fuzz(operation)
