"""Chapter 6's app under the fuzzer, its ``API_KEY`` set as a deployment sets it.

Without a key the ``/secure`` routes would only ever answer 503; with one, a missing key is a
401 and a wrong one a 403. The secured routes are fuzzed once more with the right key.
"""

import secrets
from collections.abc import Iterator

import pytest
import schemathesis

from chapters.ch06_dependencies.app.main import app, get_settings

from .harness import each_operation, fuzz, lifespan_stopped, schema_of, secured

schema = schema_of(app)
API_KEY = secrets.token_urlsafe(24)


@pytest.fixture
def configured(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("API_KEY", API_KEY)
    get_settings.cache_clear()
    try:
        with lifespan_stopped():
            yield
    finally:
        get_settings.cache_clear()


@each_operation(schema)
def test_ch06(operation: schemathesis.APIOperation, configured: None) -> None:
    fuzz(operation)


@each_operation(secured(schema))
def test_ch06_with_api_key(operation: schemathesis.APIOperation, configured: None) -> None:
    fuzz(operation, headers={"X-API-Key": API_KEY})
