"""환경 변수에서 읽는 설정과, 아무것도 설치하지 않아도 도는 기본값."""

import logging
import warnings
from pathlib import Path
from types import ModuleType

import pytest
from pydantic import ValidationError

from .conftest import TEST_SECRET_KEY, secret_key_of

ENV_NAMES = [
    "DATABASE_URL",
    "SMTP_HOST",
    "SMTP_PORT",
    "SMTP_TIMEOUT",
    "MAIL_FROM",
    "AUDIT_LOG_PATH",
    "UPLOAD_DIR",
    "SECRET_KEY",
    "TASK_BACKEND",
    "CELERY_BROKER_URL",
    "CELERY_VISIBILITY_TIMEOUT",
]


@pytest.fixture
def settings_class(solution: ModuleType, monkeypatch: pytest.MonkeyPatch) -> type:
    """깨끗한 환경(그 변수가 하나도 없고 ``SECRET_KEY``만 있는)에서 본 풀이의 설정 클래스."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    # Only the test about a missing key builds settings without one (and sees its warning).
    monkeypatch.setenv("SECRET_KEY", TEST_SECRET_KEY)
    get_settings = solution.hook("get_settings", "설정 클래스를 환경 변수로 시험하려면 필요합니다")
    return type(get_settings())


def test_every_setting_comes_from_the_environment(
    settings_class: type, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """모든 설정을 환경 변수에서 읽는다."""
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
        "SMTP_HOST": "mail.example.com",
        "SMTP_PORT": "2525",
        "SMTP_TIMEOUT": "5",
        "MAIL_FROM": "robot@example.com",
        "AUDIT_LOG_PATH": str(tmp_path / "audit.jsonl"),
        "UPLOAD_DIR": str(tmp_path / "files"),
        "SECRET_KEY": "k" * 40,
        "TASK_BACKEND": "celery",
        "CELERY_BROKER_URL": "redis://broker.example.com:6380/2",
        "CELERY_VISIBILITY_TIMEOUT": "600",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = settings_class()
    assert settings.database_url == env["DATABASE_URL"]
    assert settings.smtp_host == "mail.example.com"
    assert settings.smtp_port == 2525
    assert settings.smtp_timeout == 5
    assert settings.mail_from == "robot@example.com"
    assert Path(settings.audit_log_path) == tmp_path / "audit.jsonl"
    assert Path(settings.upload_dir) == tmp_path / "files"
    assert secret_key_of(settings) == "k" * 40
    assert settings.task_backend == "celery"
    assert settings.celery_broker_url == "redis://broker.example.com:6380/2"
    assert settings.celery_visibility_timeout == 600


@pytest.mark.points(2)
def test_defaults_need_nothing_installed(settings_class: type) -> None:
    """기본 설정은 SMTP 서버도 브로커도 없이 동작한다."""
    settings = settings_class()
    assert settings.database_url.startswith("sqlite:///")
    assert "data" in Path(settings.database_url.removeprefix("sqlite:///")).parts
    assert not settings.smtp_host  # no SMTP server: mails go to the log
    assert settings.smtp_timeout == 30
    assert settings.task_backend == "background"  # no broker, no worker to run


def test_unset_secret_key_is_random_per_process_with_a_warning(
    settings_class: type, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`SECRET_KEY`가 없으면 프로세스마다 무작위 키를 쓰고 경고를 남긴다."""
    monkeypatch.delenv("SECRET_KEY")
    # Either kind of warning the README names: a WARNING log record or warnings.warn.
    with caplog.at_level(logging.WARNING), warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")
        settings = settings_class()
    assert len(secret_key_of(settings)) >= 32
    assert secret_key_of(settings) != TEST_SECRET_KEY
    logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert any("SECRET_KEY" in text for text in logged + [str(w.message) for w in warned]), (
        "SECRET_KEY가 없다는 경고(로그의 WARNING 또는 warnings.warn)가 없습니다"
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SECRET_KEY", "short"),
        ("SMTP_PORT", "not a port"),
        ("MAIL_FROM", "robot@example.com\r\nBcc: everyone@example.com"),
        ("MAIL_FROM", "not an address"),
        ("TASK_BACKEND", "rabbitmq"),
        ("CELERY_VISIBILITY_TIMEOUT", "0"),
    ],
    ids=["short-key", "port", "header-injection", "no-address", "backend", "visibility"],
)
def test_bad_values_are_refused_at_startup(
    settings_class: type, monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    """잘못된 설정 값은 시작할 때 거부된다."""
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError):
        settings_class()
