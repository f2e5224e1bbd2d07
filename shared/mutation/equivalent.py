"""Reviewed equivalent mutants: ``equivalent/chNN.toml``, one entry per mutant, each with a reason.

A mutant is equivalent when no learner-visible behaviour the chapter's README promises changes:
the grader cannot and should not catch it. Two kinds of entries::

    [[mutant]]                      # one reviewed mutant
    file = "app/main.py"            # in the chapter's folder
    operator = "core/NumberReplacer"
    before = "return a + 0"         # the changed line, stripped, as cosmic-ray writes it
    after = "return a + 1"
    reason = "one line: why no promised behaviour changes"

    [[contract]]                    # every mutant on matching lines
    file = "app/*.py"               # fnmatch pattern, in the chapter's folder
    line = 'regex searched in the original line'
    reason = "one line"

    [[exclude]]                     # data, not behaviour: never mutated, never counted
    file = "app/catalog.py"         # fnmatch pattern, in the chapter's folder
    name = "CATALOG"                # optional: one top-level assignment; none: the whole module
    reason = "one line: why the README leaves these values to the solution"

An exclusion is for values the README leaves to the solution (sample data): no graded test may
pin them, so their mutants say nothing about the grader. It keeps them out of the figures
instead of marking each one equivalent; the report lists every exclusion and how many mutants
it kept out.

``CONTRACT`` applies to every chapter: logging calls (their text and arguments are not
promised by any README). cosmic-ray 8.7 has no string operator: docstrings and messages are
never mutated.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the Python 3.10 CI job
    import tomli as tomllib

FOLDER = Path(__file__).parent / "equivalent"


@dataclass(frozen=True)
class Mutant:
    """What the filter knows of a mutant: where, which operator, the changed line."""

    file: str  # in the chapter's folder: "app/main.py"
    operator: str
    before: str
    after: str


@dataclass(frozen=True)
class Entry:
    """One reviewed mutant (``line`` empty) or one contract rule (``line`` a regex)."""

    file: str
    reason: str
    operator: str = ""
    before: str = ""
    after: str = ""
    line: str = ""

    def matches(self, mutant: Mutant) -> bool:
        if self.line:
            found = re.search(self.line, mutant.before) is not None
            return fnmatchcase(mutant.file, self.file) and found
        return (self.file, self.operator, self.before, self.after) == (
            mutant.file,
            mutant.operator,
            mutant.before,
            mutant.after,
        )


CONTRACT = (
    Entry(
        file="*",
        line=r"^\s*(await\s+)?(log|logger|logging|_log|_logger)\.\w+\(",
        reason="logging: no README promises its text, level or arguments",
    ),
)


@dataclass(frozen=True)
class Exclusion:
    """Data the README leaves to the solution: a module, or one top-level assignment in it."""

    file: str
    reason: str
    name: str = ""

    def span(self, source: str) -> tuple[int, int] | None:
        """The lines (first, last) it covers in ``source``; None for the whole module."""
        if not self.name:
            return None
        for node in ast.parse(source).body:
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, ast.AnnAssign):
                targets = [node.target]
            else:
                continue
            if any(isinstance(t, ast.Name) and t.id == self.name for t in targets):
                return node.lineno, node.end_lineno or node.lineno
        raise EquivalentError(f"exclusion of {self.file}: no top-level assignment to {self.name}")

    def covers(self, file: str, line: int, source: str) -> bool:
        """Whether a mutant starting on ``line`` of ``file`` (chapter folder) is kept out."""
        if not fnmatchcase(file, self.file):
            return False
        span = self.span(source)
        return span is None or span[0] <= line <= span[1]


MUTANT_KEYS = {"file", "operator", "before", "after", "reason"}
CONTRACT_KEYS = {"file", "line", "reason"}
EXCLUDE_KEYS = {"file", "reason"}  # and "name", optional


class EquivalentError(ValueError):
    """An equivalent file that does not say what it must."""


def _checked(raw: Any, keys: set[str], where: str, optional: frozenset[str] = frozenset()) -> str:
    """The table's one-line reason, stripped, once its keys and values are as they must be."""
    if not isinstance(raw, dict):
        raise EquivalentError(f"{where}: a table expected")
    missing = sorted(keys - raw.keys())
    unknown = sorted(raw.keys() - keys - optional)
    if missing or unknown:
        raise EquivalentError(f"{where}: missing {missing}, unknown {unknown}")
    if not all(isinstance(value, str) for value in raw.values()):
        raise EquivalentError(f"{where}: every value is a string")
    reason = str(raw["reason"]).strip()
    if not reason or "\n" in reason:
        raise EquivalentError(f"{where}: the reason is one line")
    return reason


def _entry(raw: Any, keys: set[str], where: str) -> Entry:
    reason = _checked(raw, keys, where)
    if "line" in raw:
        re.compile(raw["line"])
    return Entry(**{**raw, "reason": reason})


def _tables(text: str, name: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise EquivalentError(f"{name}: {exc}") from exc
    unknown = sorted(data.keys() - {"mutant", "contract", "exclude"})
    if unknown:
        raise EquivalentError(f"{name}: unknown tables {unknown}")
    return data


def parse_exclusions(text: str, name: str = "<equivalent>") -> list[Exclusion]:
    """The ``[[exclude]]`` tables of one chapter's file (``EquivalentError``: a malformed one)."""
    exclusions = []
    for index, raw in enumerate(_tables(text, name).get("exclude", [])):
        reason = _checked(raw, EXCLUDE_KEYS, f"{name} exclude {index + 1}", frozenset({"name"}))
        exclusions.append(Exclusion(file=raw["file"], reason=reason, name=raw.get("name", "")))
    return exclusions


def exclusions(chapter: str, folder: Path = FOLDER) -> list[Exclusion]:
    """The chapter's excluded data (no file: none)."""
    path = folder / f"{chapter}.toml"
    return parse_exclusions(path.read_text(encoding="utf-8"), path.name) if path.is_file() else []


def parse(text: str, name: str = "<equivalent>") -> list[Entry]:
    """The entries of one chapter's file (``EquivalentError`` for a malformed one)."""
    data = _tables(text, name)
    entries = [
        _entry(raw, MUTANT_KEYS, f"{name} mutant {index + 1}")
        for index, raw in enumerate(data.get("mutant", []))
    ]
    entries += [
        _entry(raw, CONTRACT_KEYS, f"{name} contract {index + 1}")
        for index, raw in enumerate(data.get("contract", []))
    ]
    return entries


def load(chapter: str, folder: Path = FOLDER) -> list[Entry]:
    """The chapter's reviewed entries and the shared ``CONTRACT`` (no file: the contract only)."""
    path = folder / f"{chapter}.toml"
    entries = parse(path.read_text(encoding="utf-8"), path.name) if path.is_file() else []
    return [*entries, *CONTRACT]


def reason(mutant: Mutant, entries: list[Entry]) -> str | None:
    """Why ``mutant`` is equivalent, or None when no entry covers it."""
    return next((entry.reason for entry in entries if entry.matches(mutant)), None)
