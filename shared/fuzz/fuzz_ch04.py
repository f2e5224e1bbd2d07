"""Chapter 4's app under the fuzzer: response models, cookies, users in the lifespan's store."""

from collections.abc import Iterator

import pytest
import schemathesis

from chapters.ch04_response_models.app.main import app

from .harness import each_operation, fuzz, lifespan_stopped, schema_of

schema = schema_of(app)


@pytest.fixture
def running() -> Iterator[None]:
    with lifespan_stopped():
        yield


@each_operation(schema)
def test_ch04(operation: schemathesis.APIOperation, running: None) -> None:
    fuzz(operation)
