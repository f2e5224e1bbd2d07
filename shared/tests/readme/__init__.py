"""Solutions written from a chapter README alone (by someone who never saw our app or tests).

``chNN.py`` is the solution as its writer left it; ``test_chNN.py`` proves that it earns every
point (the README is the whole contract). ``shared/tests/mistakes`` plants one learner's mistake
at a time in these files.
"""

from pathlib import Path

FOLDER = Path(__file__).parent


def solution_path(chapter: str) -> Path:
    """``solution_path("ch07")`` -> the README-only solution of chapter 7."""
    return FOLDER / f"{chapter}.py"


def copied(chapter: str, folder: Path, source: str | None = None) -> Path:
    """The chapter's README-only solution (or ``source``) as ``folder/<chapter>/solution.py``.

    Graded from there, with ``folder`` as the working folder: what the solution keeps beside
    itself or in its working folder (a SQLite file, uploads) stays out of this repository."""
    path = folder / chapter / "solution.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = solution_path(chapter).read_text(encoding="utf-8") if source is None else source
    path.write_text(text, encoding="utf-8")
    return path
