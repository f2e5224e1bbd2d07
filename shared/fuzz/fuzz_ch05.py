"""Chapter 5's app under the fuzzer: its in-memory store is made by the lifespan, per test."""

from collections.abc import Iterator

import pytest
import schemathesis

from chapters.ch05_crud_and_errors.app.main import app

from .harness import each_operation, fuzz, lifespan_stopped, schema_of

schema = schema_of(app)


@pytest.fixture
def running() -> Iterator[None]:
    with lifespan_stopped():
        yield


@each_operation(schema)
def test_ch05(operation: schemathesis.APIOperation, running: None) -> None:
    fuzz(operation)
