"""Chapter 3's app under the fuzzer: JSON bodies into an in-memory store made by the lifespan."""

from collections.abc import Iterator

import pytest
import schemathesis

from chapters.ch03_request_body.app.main import app

from .harness import each_operation, fuzz, lifespan_stopped, schema_of

schema = schema_of(app)


@pytest.fixture
def running() -> Iterator[None]:
    with lifespan_stopped():
        yield


@each_operation(schema)
def test_ch03(operation: schemathesis.APIOperation, running: None) -> None:
    fuzz(operation)
