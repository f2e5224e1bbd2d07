"""Per-test results, grouped by chapter: what the plugin records and the report reads."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pytest

from .chapters import chapter_from_folder, chapter_of_path

INFRA = "shared"  # results of the infrastructure's own tests: shown, never part of a grade


@dataclass
class TestResult:
    nodeid: str
    group: str  # chapter folder ("ch01_getting_started") or INFRA
    points: float = 1.0
    status: str = "passed"  # passed | failed | error | skipped (a timeout is failed)
    duration: float = 0.0  # seconds: setup, call and teardown
    message: str = ""  # the first line of why it did not pass
    description: str = ""  # the first line of the test's docstring, in Korean
    chapter: str = ""  # "ch01", or INFRA
    order: int = 0  # position in the collection: files in order, tests as written
    tier: str = ""  # its chapter's tier (``@pytest.mark.tier``): "교재 범위", or "" for none

    def __post_init__(self) -> None:
        if not self.chapter:
            self.chapter = key_of_group(self.group)

    @property
    def earned(self) -> float:
        return self.points if self.status == "passed" else 0.0


@dataclass
class GroupScore:
    group: str
    passed: int = 0
    total: int = 0
    earned: float = 0.0
    possible: float = 0.0
    failed: list[str] = field(default_factory=list)  # failed and in error
    errors: list[str] = field(default_factory=list)  # in error only
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, result: TestResult) -> None:
        self.total += 1
        self.possible += result.points
        self.earned += result.earned
        self.seconds += result.duration
        if result.status == "passed":
            self.passed += 1
        elif result.status == "skipped":
            self.skipped.append(result.nodeid)
        else:
            self.failed.append(result.nodeid)
            if result.status == "error":
                self.errors.append(result.nodeid)


TIMEOUT_RE = re.compile(r"Timeout \(?>\s*([0-9.]+)s")


def message_of(report: pytest.TestReport) -> str:
    """One line: the assertion's or exception's own message, a timeout said in Korean."""
    longrepr = report.longrepr
    crash = getattr(longrepr, "reprcrash", None)
    if crash is not None:
        text = crash.message
    elif isinstance(longrepr, tuple):  # a skip: (file, line, reason)
        text = str(longrepr[2])
    else:
        text = str(longrepr or "")
    timeout = TIMEOUT_RE.search(text)
    if timeout:
        return f"시간 초과: {float(timeout.group(1)):g}초 안에 끝나지 않았습니다"
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    first = lines[0] if lines else ""
    return first.removeprefix("Skipped: ")[:300]


def key_of_group(group: str) -> str:
    chapter = chapter_from_folder(group)
    return chapter.key if chapter else group


def group_of(nodeid: str) -> str:
    chapter = chapter_of_path(nodeid.split("::", 1)[0])
    return chapter.folder if chapter else INFRA


def score(results: list[TestResult]) -> dict[str, GroupScore]:
    """Scores per group, chapters in order and the infrastructure last."""
    groups: dict[str, GroupScore] = {}
    for result in sorted(results, key=lambda r: (r.group == INFRA, r.group)):
        groups.setdefault(result.group, GroupScore(result.group)).add(result)
    return groups


def tier_scores(results: list[TestResult]) -> dict[str, dict[str, GroupScore]]:
    """Per group with tiers, the score of each tier (named in order): a part of the group's."""
    tiers: dict[str, dict[str, GroupScore]] = {}
    for result in sorted(results, key=lambda r: (r.group == INFRA, r.group, r.tier)):
        if result.tier:
            by_tier = tiers.setdefault(result.group, {})
            by_tier.setdefault(result.tier, GroupScore(result.tier)).add(result)
    return tiers


def dump(
    results: list[TestResult],
    path: Path,
    collect_errors: list[str],
    titles: dict[str, str],
    solutions: dict[str, dict[str, Any]] | None = None,
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "tests": [asdict(r) for r in results],
        "collect_errors": collect_errors,
        "titles": titles,
        "solutions": solutions or {},
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


@dataclass
class Run:
    """What ``load`` reads back: the tests, collection errors, titles, graded solutions."""

    results: list[TestResult]
    collect_errors: list[str]
    titles: dict[str, str]
    solutions: dict[str, dict[str, Any]]


def load(paths: list[Path]) -> Run:
    """Results of one or more runs (a CI matrix): a test passes only if it passed in every run."""
    rank = {"passed": 0, "skipped": 1, "failed": 2, "error": 3}
    merged: dict[str, TestResult] = {}
    errors: list[str] = []
    titles: dict[str, str] = {}
    solutions: dict[str, dict[str, Any]] = {}
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        titles.update(data.get("titles", {}))
        solutions.update(data.get("solutions", {}))
        errors += [e for e in data["collect_errors"] if e not in errors]
        for entry in data["tests"]:
            result = TestResult(**entry)
            seen = merged.setdefault(result.nodeid, result)
            if rank[result.status] > rank[seen.status]:
                seen.status, seen.message = result.status, result.message
    return Run(list(merged.values()), errors, titles, solutions)
