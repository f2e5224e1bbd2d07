"""Find chapters on disk and turn what a user types (``1``, ``01``, ``ch01``, a folder) into one.

Standard library only: ``noxfile.py`` imports this module before any virtualenv exists.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

CHAPTER_DIR_RE = re.compile(r"^ch(\d{2})_[a-z0-9_]+$")
REPO_ROOT = Path(__file__).resolve().parents[2]
CHAPTERS_DIR = REPO_ROOT / "chapters"


@dataclass(frozen=True)
class Chapter:
    """A chapter folder such as ``chapters/ch01_getting_started``."""

    key: str  # "ch01"
    folder: str  # "ch01_getting_started"

    @property
    def path(self) -> Path:
        return CHAPTERS_DIR / self.folder

    @property
    def app_glob(self) -> str:
        """Coverage ``--include`` pattern for this chapter's app code."""
        return f"chapters/{self.folder}/app/*"

    @property
    def module(self) -> str:
        """Import path of the chapter's app module (``app.main``)."""
        return f"chapters.{self.folder}.app.main"

    @property
    def title(self) -> str:
        return chapter_title(self.path)


def chapter_title(folder: Path) -> str:
    """First line of a chapter package's docstring, or the folder's name."""
    init = folder / "__init__.py"
    if init.is_file():
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        if doc:
            return doc.splitlines()[0].strip()
    return folder.name


def chapter_from_folder(folder: str) -> Chapter | None:
    match = CHAPTER_DIR_RE.match(folder)
    return Chapter(key=f"ch{match.group(1)}", folder=folder) if match else None


def all_chapters(root: Path = CHAPTERS_DIR) -> list[Chapter]:
    found = (chapter_from_folder(p.name) for p in root.iterdir() if p.is_dir())
    return sorted((c for c in found if c), key=lambda c: c.key)


def chapter_of_path(path: str | Path) -> Chapter | None:
    """The chapter a file belongs to, from any ``chNN_slug`` folder in its path."""
    for part in Path(path).parts:
        chapter = chapter_from_folder(part)
        if chapter:
            return chapter
    return None


def normalize_key(text: str) -> str | None:
    """``"1"``, ``"01"``, ``"ch1"``, ``"ch01"``, ``"ch01_getting_started"`` -> ``"ch01"``."""
    text = text.strip().rstrip("/").split("/")[-1].lower()
    match = re.fullmatch(r"(?:ch)?(\d{1,2})(?:_[a-z0-9_]+)?", text)
    return f"ch{int(match.group(1)):02d}" if match else None


def resolve(text: str, root: Path = CHAPTERS_DIR) -> Chapter:
    """The chapter a user means, or ``LookupError`` listing the ones that exist."""
    key = normalize_key(text)
    for chapter in all_chapters(root):
        if chapter.key == key:
            return chapter
    known = ", ".join(c.key for c in all_chapters(root))
    raise LookupError(f"no chapter {text!r}; known chapters: {known}")
