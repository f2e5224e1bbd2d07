"""Chapter 2's app under the fuzzer: a read-only catalogue, path and query parameters."""

from collections.abc import Iterator

import pytest
import schemathesis

from chapters.ch02_path_and_query.app.main import app

from .harness import each_operation, fuzz, lifespan_stopped, schema_of

schema = schema_of(app)


@pytest.fixture
def running() -> Iterator[None]:
    with lifespan_stopped():
        yield


@each_operation(schema)
def test_ch02(operation: schemathesis.APIOperation, running: None) -> None:
    fuzz(operation)
