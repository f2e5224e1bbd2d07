"""Chapter 9's app under the fuzzer: uploads go to a folder of the test's own."""

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis

from chapters.ch09_files_and_middleware.app.main import Settings, app, get_settings
from shared.testing import overridden

from .harness import each_operation, fuzz, lifespan_stopped, schema_of

schema = schema_of(app)


@pytest.fixture
def upload_dir(tmp_path: Path) -> Iterator[Path]:
    settings = Settings(upload_dir=tmp_path / "uploads")
    with overridden(app, {get_settings: lambda: settings}), lifespan_stopped():
        yield settings.upload_dir


@each_operation(schema)
def test_ch09(operation: schemathesis.APIOperation, upload_dir: Path) -> None:
    fuzz(operation)
