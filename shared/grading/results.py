"""Per-test results, grouped by chapter: what the plugin records and the report reads."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .chapters import chapter_of_path

INFRA = "shared"  # results of the infrastructure's own tests: shown, never part of a grade


@dataclass
class TestResult:
    nodeid: str
    group: str  # chapter folder ("ch01_getting_started") or INFRA
    points: float = 1.0
    outcome: str = "passed"  # passed | failed | skipped

    @property
    def earned(self) -> float:
        return self.points if self.outcome == "passed" else 0.0


@dataclass
class GroupScore:
    group: str
    passed: int = 0
    total: int = 0
    earned: float = 0.0
    possible: float = 0.0
    failed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def add(self, result: TestResult) -> None:
        self.total += 1
        self.possible += result.points
        self.earned += result.earned
        if result.outcome == "passed":
            self.passed += 1
        elif result.outcome == "skipped":
            self.skipped.append(result.nodeid)
        else:
            self.failed.append(result.nodeid)


def group_of(nodeid: str) -> str:
    chapter = chapter_of_path(nodeid.split("::", 1)[0])
    return chapter.folder if chapter else INFRA


def score(results: list[TestResult]) -> dict[str, GroupScore]:
    """Scores per group, chapters in order and the infrastructure last."""
    groups: dict[str, GroupScore] = {}
    for result in sorted(results, key=lambda r: (r.group == INFRA, r.group)):
        groups.setdefault(result.group, GroupScore(result.group)).add(result)
    return groups


def dump(
    results: list[TestResult], path: Path, collect_errors: list[str], titles: dict[str, str]
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "tests": [asdict(r) for r in results],
        "collect_errors": collect_errors,
        "titles": titles,
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def load(paths: list[Path]) -> tuple[list[TestResult], list[str], dict[str, str]]:
    """Results of one or more runs (a CI matrix): a test passes only if it passed in every run."""
    rank = {"passed": 0, "skipped": 1, "failed": 2}
    merged: dict[str, TestResult] = {}
    errors: list[str] = []
    titles: dict[str, str] = {}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        titles.update(data.get("titles", {}))
        errors += [e for e in data["collect_errors"] if e not in errors]
        for entry in data["tests"]:
            result = TestResult(**entry)
            seen = merged.setdefault(result.nodeid, result)
            if rank[result.outcome] > rank[seen.outcome]:
                seen.outcome = result.outcome
    return list(merged.values()), errors, titles
