"""``reports/mutation.json`` (figures per chapter) and ``reports/mutation.md`` (the survivors).

A run of some chapters (``nox -s mutate -- ch01``) replaces their entries and keeps the others'
from the previous run: each chapter's entry says when it ran.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

STATUSES = ("killed", "timeout", "survived", "equivalent", "error")


@dataclass(frozen=True)
class Result:
    """One mutant's outcome."""

    file: str  # in the repository: chapters/ch01_getting_started/app/main.py
    line: int
    operator: str
    occurrence: int
    before: str
    after: str
    status: str  # one of STATUSES
    tests: int = 0  # how many tests ran (the whole suite: all of them)
    seconds: float = 0.0
    note: str = ""  # the equivalent's reason, why nothing ran, an error's last line

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")


@dataclass(frozen=True)
class Excluded:
    """Data kept out of mutation (``[[exclude]]``): where, why, how many mutants it kept out."""

    file: str  # in the repository
    name: str  # the top-level assignment; empty: the whole module
    reason: str
    mutants: int


@dataclass
class ChapterRun:
    """One chapter's mutants and how long the whole chapter took (map, baseline, mutants)."""

    chapter: str
    results: list[Result] = field(default_factory=list)
    seconds: float = 0.0
    ran_at: str = ""
    failure: str = ""  # why no mutant ran (the unmutated suite failed)
    excluded: list[Excluded] = field(default_factory=list)


def summary(run: ChapterRun) -> dict[str, Any]:
    """The figures of ``reports/mutation.json`` for one chapter.

    ``score``: killed (a timeout is a kill: the grader fails the mutant) over the mutants not
    reviewed as equivalent; None when there is none.
    """
    counts = Counter(result.status for result in run.results)
    judged = len(run.results) - counts["equivalent"]
    detected = counts["killed"] + counts["timeout"]
    return {
        "mutants": len(run.results),
        "killed": counts["killed"],
        "survived": counts["survived"],
        "timed_out": counts["timeout"],
        "equivalent": counts["equivalent"],
        "errors": counts["error"],
        "score": round(detected / judged, 4) if judged else None,
        "seconds": round(run.seconds, 1),
        "ran_at": run.ran_at,
        "failure": run.failure,
        "survivors": [asdict(r) for r in run.results if r.status in ("survived", "error")],
        "equivalents": [asdict(r) for r in run.results if r.status == "equivalent"],
        "excluded": [asdict(e) for e in run.excluded],
    }


def merge(previous: Mapping[str, Any], runs: Iterable[ChapterRun]) -> dict[str, Any]:
    """The report of ``runs`` over the chapters of a previous report that did not run again."""
    chapters = dict(previous.get("chapters", {}))
    chapters.update({run.chapter: summary(run) for run in runs})
    chapters = dict(sorted(chapters.items()))
    keys = ("mutants", "killed", "survived", "timed_out", "equivalent", "errors", "seconds")
    total: dict[str, Any] = {key: sum(c[key] for c in chapters.values()) for key in keys}
    judged = total["mutants"] - total["equivalent"]
    detected = total["killed"] + total["timed_out"]
    total["seconds"] = round(total["seconds"], 1)
    total["score"] = round(detected / judged, 4) if judged else None
    return {"tool": "cosmic-ray 8.7.0", "total": total, "chapters": chapters}


def read(path: Path) -> dict[str, Any]:
    """A previous report, or an empty one (missing or unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _score(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def _code(text: str) -> str:
    return "`" + text.replace("`", "'").replace("|", "\\|") + "`" if text else "(empty)"


def markdown(report: Mapping[str, Any]) -> str:
    """The survivors page: the figures, then each survivor as file:line, operator and change."""
    lines = [
        "# Mutation testing (cosmic-ray 8.7.0)",
        "",
        "Every mutant of a chapter's app must be killed by a graded test or reviewed as",
        "equivalent (`shared/mutation/equivalent/chNN.toml`, which also lists the data kept out of",
        "mutation: `[[exclude]]`). `nox -s mutate -- ch01` reruns one chapter.",
        "",
        "| chapter | mutants | killed | timed out | survived | equivalent | errors | score | s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    rows = [*report.get("chapters", {}).items(), ("total", report.get("total", {}))]
    for name, c in rows:
        if not c:
            continue
        figures = ("mutants", "killed", "timed_out", "survived", "equivalent", "errors")
        cells = [str(c[key]) for key in figures]
        lines.append(f"| {name} | {' | '.join(cells)} | {_score(c['score'])} | {c['seconds']} |")
    for name, c in report.get("chapters", {}).items():
        if c.get("excluded"):
            lines += ["", f"## {name}: excluded data (not mutated, not counted)", ""]
            lines += ["| file | assignment | mutants | reason |", "| --- | --- | ---: | --- |"]
            for e in c["excluded"]:
                where = _code(e["name"]) if e["name"] else "(whole module)"
                lines.append(f"| {e['file']} | {where} | {e['mutants']} | {e['reason']} |")
        if c.get("failure"):
            lines += ["", f"## {name}: not mutated", "", c["failure"]]
            continue
        if not c["survivors"]:
            continue
        lines += ["", f"## {name}: {len(c['survivors'])} survivors", ""]
        lines += [
            "| file:line | operator | change | tests run | note |",
            "| --- | --- | --- | ---: | --- |",
        ]
        for s in c["survivors"]:
            operator = s["operator"].removeprefix("core/")
            change = f"{_code(s['before'])} → {_code(s['after'])}"
            note = s["note"] if s["status"] == "survived" else f"error: {s['note']}"
            lines.append(
                f"| {s['file']}:{s['line']} | {operator} | {change} | {s['tests']} | {note} |"
            )
    return "\n".join(lines) + "\n"


def write(folder: Path, runs: Iterable[ChapterRun]) -> dict[str, Any]:
    """Write (merge into) ``mutation.json`` and ``mutation.md`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    report = merge(read(folder / "mutation.json"), runs)
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    (folder / "mutation.json").write_text(text, encoding="utf-8")
    (folder / "mutation.md").write_text(markdown(report), encoding="utf-8")
    return report


def outcome(code: int | None, limit: float) -> tuple[str, str]:
    """A mutant's status from the exit code of its tests (None: stopped at the time limit)."""
    if code is None:
        return "timeout", f"stopped after {limit:.0f} s"
    if code == 0:
        return "survived", ""
    if code in (4, 5):  # usage error, no test collected: the driver's fault, not a kill
        return "error", f"pytest exit {code}"
    return "killed", ""
