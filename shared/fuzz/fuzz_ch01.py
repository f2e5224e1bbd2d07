"""Chapter 1's app under the fuzzer: no state, no parameters; every method of ``/methods``."""

from collections.abc import Iterator

import pytest
import schemathesis

from chapters.ch01_getting_started.app.main import app

from .harness import each_operation, fuzz, lifespan_stopped, schema_of

schema = schema_of(app)


@pytest.fixture
def running() -> Iterator[None]:
    with lifespan_stopped():
        yield


@each_operation(schema)
def test_ch01(operation: schemathesis.APIOperation, running: None) -> None:
    fuzz(operation)
