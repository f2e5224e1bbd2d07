"""챕터 8: 서명 키는 환경 변수에서 읽습니다. 없으면 무작위 키와 경고."""

import logging

import pytest
from pydantic import ValidationError

from shared.testing import Solution

from .support import TEST_SECRET_KEY

WHY = "환경 변수에서 설정을 읽는지 확인하려면 필요합니다"


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
    solution: Solution, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """`SECRET_KEY`와 `ACCESS_TOKEN_EXPIRE_MINUTES`는 환경 변수에서 읽고, 경고는 없다."""
    monkeypatch.setenv("SECRET_KEY", TEST_SECRET_KEY)
    monkeypatch.setenv("ACCESS_TOKEN_EXPIRE_MINUTES", "7")
    with caplog.at_level(logging.WARNING):
        settings = solution.hook("Settings", WHY)()
    assert secret(settings.secret_key) == TEST_SECRET_KEY
    assert settings.access_token_expire_minutes == 7
    assert warnings_about_secret_key(caplog) == []


@pytest.mark.points(2)
def test_without_secret_key_each_process_gets_a_random_key_and_a_warning(
    solution: Solution, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """`SECRET_KEY`가 없으면 설정마다 32자 이상의 다른 무작위 키와 경고 하나가 생긴다."""
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with caplog.at_level(logging.WARNING):
        settings_class = solution.hook("Settings", WHY)
        first, second = settings_class(), settings_class()
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
    solution: Solution, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    """32자보다 짧은 `SECRET_KEY`는 `secret_key`를 가리키는 검증 오류다."""
    monkeypatch.setenv("SECRET_KEY", value)
    with pytest.raises(ValidationError, match=r"(?i)secret_key"):
        solution.hook("Settings", WHY)()


@pytest.mark.parametrize("variable", ["FIRST_ADMIN_USERNAME", "FIRST_ADMIN_PASSWORD"])
def test_a_first_admin_needs_both_name_and_password(
    solution: Solution, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """첫 관리자는 `FIRST_ADMIN_USERNAME`과 `FIRST_ADMIN_PASSWORD`를 둘 다 줘야 한다."""
    monkeypatch.delenv("FIRST_ADMIN_USERNAME", raising=False)
    monkeypatch.delenv("FIRST_ADMIN_PASSWORD", raising=False)
    monkeypatch.setenv("SECRET_KEY", TEST_SECRET_KEY)
    monkeypatch.setenv(variable, "boss-or-password")  # only one of the two
    with pytest.raises(ValidationError):
        solution.hook("Settings", WHY)()


def test_get_settings_is_cached(solution: Solution) -> None:
    """`get_settings`는 캐시되어 늘 같은 설정 객체를 준다.

    One settings object per process: one random key, not a new one per request."""
    get_settings = solution.hook("get_settings", "설정을 한 번만 만드는지 확인하려면 필요합니다")
    assert get_settings() is get_settings()
