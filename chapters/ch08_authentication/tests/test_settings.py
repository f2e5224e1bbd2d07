"""Chapter 8: the signing key comes from the environment; without it, a random key and a warning."""

import logging
from types import ModuleType

import pytest
from pydantic import ValidationError

from .support import TEST_SECRET_KEY


def secret(value: object) -> str:
    """A ``SecretStr``'s value (or a plain string as it is)."""
    return value.get_secret_value() if hasattr(value, "get_secret_value") else str(value)


def warnings_about_secret_key(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.levelno >= logging.WARNING and "SECRET_KEY" in record.getMessage()
    ]


@pytest.mark.points(2)
def test_secret_key_is_read_from_the_environment(
    solution: ModuleType, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("SECRET_KEY", TEST_SECRET_KEY)
    monkeypatch.setenv("ACCESS_TOKEN_EXPIRE_MINUTES", "7")
    with caplog.at_level(logging.WARNING):
        settings = solution.Settings()
    assert secret(settings.secret_key) == TEST_SECRET_KEY
    assert settings.access_token_expire_minutes == 7
    assert warnings_about_secret_key(caplog) == []


@pytest.mark.points(2)
def test_without_secret_key_each_process_gets_a_random_key_and_a_warning(
    solution: ModuleType, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with caplog.at_level(logging.WARNING):
        first, second = solution.Settings(), solution.Settings()
    assert secret(first.secret_key) != secret(second.secret_key)
    assert len(secret(first.secret_key)) >= 32
    assert len(warnings_about_secret_key(caplog)) == 2


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("", id="empty"),
        pytest.param("short", id="short"),
        pytest.param("x" * 31, id="31-chars"),
    ],
)
def test_a_short_secret_key_is_refused(
    solution: ModuleType, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("SECRET_KEY", value)
    with pytest.raises(ValidationError, match=r"(?i)secret_key"):
        solution.Settings()


@pytest.mark.parametrize("variable", ["FIRST_ADMIN_USERNAME", "FIRST_ADMIN_PASSWORD"])
def test_a_first_admin_needs_both_name_and_password(
    solution: ModuleType, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.delenv("FIRST_ADMIN_USERNAME", raising=False)
    monkeypatch.delenv("FIRST_ADMIN_PASSWORD", raising=False)
    monkeypatch.setenv("SECRET_KEY", TEST_SECRET_KEY)
    monkeypatch.setenv(variable, "boss-or-password")  # only one of the two
    with pytest.raises(ValidationError):
        solution.Settings()


def test_get_settings_is_cached(solution: ModuleType) -> None:
    """One settings object per process: one random key, not a new one per request."""
    assert solution.get_settings() is solution.get_settings()
