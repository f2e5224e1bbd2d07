"""Grades as data: ``grades.json`` (numbers per chapter) and Gradescope's ``results.json``.

Both schemas are documented in the README ("Grades as data").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .chapters import chapter_from_folder
from .feedback import STATUS_WORDS
from .results import INFRA, GroupScore, TestResult, key_of_group, tier_scores


def tier_rows(tiers: dict[str, GroupScore]) -> list[dict[str, Any]]:
    """A chapter's tiers (``@pytest.mark.tier``), each a part of its points: [] for none."""
    return [
        {
            "tier": tier,
            "earned": ts.earned,
            "possible": ts.possible,
            "percent": round(100 * ts.earned / ts.possible, 2) if ts.possible else None,
            "tests": ts.total,
            "passed": ts.passed,
        }
        for tier, ts in tiers.items()
    ]


def row_of(
    group: str,
    gs: GroupScore,
    titles: dict[str, str],
    coverage: dict[str, float | None] | None,
    solutions: dict[str, dict[str, Any]],
    tiers: dict[str, GroupScore] | None = None,
) -> dict[str, Any]:
    chapter = chapter_from_folder(group)
    return {
        "chapter": chapter.key if chapter else group,
        "folder": group,
        "title": titles.get(group, group),
        "earned": gs.earned,
        "possible": gs.possible,
        "percent": round(100 * gs.earned / gs.possible, 2) if gs.possible else None,
        "tests": gs.total,
        "passed": gs.passed,
        "failed": len(gs.failed) - len(gs.errors),
        "errors": len(gs.errors),
        "skipped": len(gs.skipped),
        "coverage": None if coverage is None else coverage.get(group),
        "seconds": round(gs.seconds, 3),
        "solution": solutions.get(group, {}).get("value") or None,
        "tiers": tier_rows(tiers or {}),
    }


def grades_data(
    groups: dict[str, GroupScore],
    titles: dict[str, str],
    coverage: dict[str, float | None] | None,
    total_coverage: float | None,
    solutions: dict[str, dict[str, Any]],
    problems: list[str],
    tiers: dict[str, dict[str, GroupScore]] | None = None,
) -> dict[str, Any]:
    chapters = [
        row_of(g, gs, titles, coverage, solutions, (tiers or {}).get(g))
        for g, gs in groups.items()
        if g != INFRA
    ]
    total = {
        key: sum(row[key] for row in chapters)
        for key in ("earned", "possible", "tests", "passed", "failed", "errors", "skipped")
    }
    possible = total["possible"]
    total["percent"] = round(100 * total["earned"] / possible, 2) if possible else None
    total["coverage"] = total_coverage
    total["seconds"] = round(sum(row["seconds"] for row in chapters), 3)
    total["chapters"] = len(chapters)
    infra = groups.get(INFRA)
    return {
        "chapters": chapters,
        "total": total,
        "infrastructure": row_of(INFRA, infra, titles, coverage, {}) if infra else None,
        "solutions": {row["chapter"]: row["solution"] for row in chapters if row["solution"]},
        "problems": problems,
    }


def write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def gradescope_data(
    results: list[TestResult], execution_time: float | None = None
) -> dict[str, Any]:
    """Gradescope's results.json: one entry per graded test, its Korean description and why.

    A test of a tier has it as a tag and before its name (``ch10 [교재 범위] ...``); the tiers'
    scores are in the top-level ``extra_data``.
    """
    graded = sorted(
        (r for r in results if r.group != INFRA),
        key=lambda r: (r.group, r.nodeid.split("::", 1)[0], r.order, r.nodeid),
    )
    tests = []
    for result in graded:
        output = result.description or result.nodeid
        if result.status != "passed":
            output += f"\n{STATUS_WORDS.get(result.status, result.status)}: {result.message}"
        prefix = f"{result.chapter} [{result.tier}]" if result.tier else result.chapter
        entry: dict[str, Any] = {
            "name": f"{prefix} {result.description or result.nodeid}",
            "score": result.earned,
            "max_score": result.points,
            "status": "passed" if result.status == "passed" else "failed",
            "output": output,
            "extra_data": {"nodeid": result.nodeid, "status": result.status},
        }
        if result.tier:
            entry["tags"] = [result.tier]
            entry["extra_data"]["tier"] = result.tier
        tests.append(entry)
    seconds = sum(r.duration for r in graded) if execution_time is None else execution_time
    data: dict[str, Any] = {
        "score": sum(t["score"] for t in tests),
        "execution_time": round(seconds, 3),
        "tests": tests,
    }
    tiers = {
        key_of_group(group): tier_rows(by_tier) for group, by_tier in tier_scores(graded).items()
    }
    if tiers:
        data["extra_data"] = {"tiers": tiers}
    return data
