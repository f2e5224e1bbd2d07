"""What users type to name a chapter, and where a test file's chapter is."""

import pytest

from shared.grading.chapters import (
    CHAPTERS_DIR,
    all_chapters,
    chapter_of_path,
    normalize_key,
    resolve,
)


@pytest.mark.parametrize(
    "text",
    ["1", "01", "ch1", "ch01", "CH01", "ch01_getting_started", "chapters/ch01_getting_started/"],
)
def test_every_spelling_of_a_chapter_resolves(text: str) -> None:
    chapter = resolve(text)
    assert (chapter.key, chapter.folder) == ("ch01", "ch01_getting_started")
    assert chapter.path == CHAPTERS_DIR / "ch01_getting_started"
    assert chapter.module == "chapters.ch01_getting_started.app.main"
    assert chapter.app_glob == "chapters/ch01_getting_started/app/*"
    assert chapter.title == "FastAPI 시작하기 (Getting started)"


@pytest.mark.parametrize("text", ["", "x", "chapter1", "100", "-n"])
def test_non_chapters_are_not_normalized(text: str) -> None:
    assert normalize_key(text) is None


def test_unknown_chapter_lists_the_known_ones() -> None:
    with pytest.raises(LookupError, match=r"no chapter '99'; known chapters: ch01"):
        resolve("99")


def test_chapters_are_found_in_order() -> None:
    keys = [c.key for c in all_chapters()]
    assert keys == sorted(keys)
    assert "ch01" in keys


def test_chapter_of_a_test_path() -> None:
    chapter = chapter_of_path("chapters/ch01_getting_started/tests/test_main.py")
    assert chapter is not None
    assert chapter.key == "ch01"
    assert chapter_of_path("shared/tests/test_plugin.py") is None
