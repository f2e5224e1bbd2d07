"""챕터 9: 설정은 환경에서 오고, 말이 안 되는 값은 시작할 때 거절된다.

설정 자체를 보는 테스트라서 ``Settings``와 ``get_settings``가 필요하다.
"""

from pathlib import Path

import pytest
from pydantic import ValidationError

from shared.testing import Solution

SETTINGS_WHY = "설정 클래스가 환경 변수를 읽고 잘못된 값을 거절하는지 보려면 필요합니다"
GET_SETTINGS_WHY = "설정 의존성이 캐시되는지(lru_cache) 보려면 필요합니다"


def test_settings_are_read_from_the_environment(
    solution: Solution, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`Settings`는 다섯 설정을 모두 환경 변수에서 읽는다."""
    settings_class = solution.hook("Settings", SETTINGS_WHY)
    monkeypatch.setenv("UPLOAD_DIR", str(tmp_path / "files"))
    monkeypatch.setenv("MAX_UPLOAD_BYTES", "1000")
    monkeypatch.setenv("MAX_REQUEST_BYTES", "5000")
    monkeypatch.setenv("ALLOWED_CONTENT_TYPES", '["image/png"]')
    monkeypatch.setenv("CORS_ORIGINS", '["https://a.example", "https://b.example"]')
    settings = settings_class()
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
    solution: Solution, monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    """0 이하의 한도와 내용을 확인할 수 없는 형식은 `ValidationError`로 거절된다."""
    settings_class = solution.hook("Settings", SETTINGS_WHY)
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValidationError):
        settings_class()


def test_get_settings_is_cached(solution: Solution) -> None:
    """`get_settings()`는 캐시되어 언제나 같은 객체를 돌려준다."""
    get_settings = solution.hook("get_settings", GET_SETTINGS_WHY)
    assert get_settings() is get_settings()
