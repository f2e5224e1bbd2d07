"""Chapter 9: the settings come from the environment, and nonsense is refused at start."""

from pathlib import Path
from types import ModuleType

import pytest
from pydantic import ValidationError


def test_settings_are_read_from_the_environment(
    solution: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("UPLOAD_DIR", str(tmp_path / "files"))
    monkeypatch.setenv("MAX_UPLOAD_BYTES", "1000")
    monkeypatch.setenv("MAX_REQUEST_BYTES", "5000")
    monkeypatch.setenv("ALLOWED_CONTENT_TYPES", '["image/png"]')
    monkeypatch.setenv("CORS_ORIGINS", '["https://a.example", "https://b.example"]')
    settings = solution.Settings()
    assert Path(settings.upload_dir) == tmp_path / "files"
    assert (settings.max_upload_bytes, settings.max_request_bytes) == (1000, 5000)
    assert list(settings.allowed_content_types) == ["image/png"]
    assert list(settings.cors_origins) == ["https://a.example", "https://b.example"]


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        pytest.param("MAX_UPLOAD_BYTES", "0", id="zero-upload-limit"),
        pytest.param("MAX_REQUEST_BYTES", "-1", id="negative-request-limit"),
        # No content check is known for HTML, so it cannot be allowed.
        pytest.param("ALLOWED_CONTENT_TYPES", '["text/html"]', id="unknown-type"),
    ],
)
def test_nonsense_settings_are_refused(
    solution: ModuleType, monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValidationError):
        solution.Settings()


def test_get_settings_is_cached(solution: ModuleType) -> None:
    assert solution.get_settings() is solution.get_settings()
