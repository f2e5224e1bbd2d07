"""The grade table: points per chapter from the test results, coverage from coverage's data.

``python -m shared.grading`` runs after ``coverage run -m pytest``: it combines the parallel
coverage data, writes the coverage reports (terminal, HTML, JSON, XML), prints the grade table,
writes it to ``reports/grades.json`` (and to ``$GITHUB_STEP_SUMMARY`` as Markdown), and exits
non-zero when a test failed or coverage is under the thresholds in ``[tool.grading]``.
Each chapter's coverage is ``coverage report --include 'chapters/<folder>/app/*'``, to the digit.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .chapters import Chapter, chapter_from_folder
from .results import INFRA, GroupScore
from .table import render_markdown, render_text

if TYPE_CHECKING:
    from coverage import Coverage

INFRA_INCLUDE = "shared/*"


def include_of(group: str) -> str:
    chapter = chapter_from_folder(group)
    return chapter.app_glob if chapter else INFRA_INCLUDE


def key_of(group: str) -> str:
    chapter: Chapter | None = chapter_from_folder(group)
    return chapter.key if chapter else group


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    footer: list[list[str]]

    def text(self) -> str:
        return render_text(self.header, self.rows, self.footer)

    def markdown(self) -> str:
        return render_markdown(self.header, self.rows, self.footer)


def build_table(
    groups: dict[str, GroupScore],
    coverage: dict[str, float | None] | None = None,
    total_coverage: float | None = None,
    titles: dict[str, str] | None = None,
    tiers: dict[str, dict[str, GroupScore]] | None = None,
) -> Table:
    """Rows per chapter, then the total of the chapters, then the infrastructure's own tests.

    A chapter with tiers (``@pytest.mark.tier``) has a row per tier under its own, its part of
    the chapter's points: ``└ 교재 범위``.
    """
    header = ["chapter", "title", "tests", "points", "score"]
    if coverage is not None:
        header.append("coverage")
    rows, infra = [], []
    chapters = 0
    total = GroupScore("total")
    for group, gs in groups.items():
        row = [
            key_of(group),
            (titles or {}).get(group, group) if group != INFRA else "infrastructure (not graded)",
            f"{gs.passed}/{gs.total}",
            f"{gs.earned:g}/{gs.possible:g}",
            percent(100 * gs.earned / gs.possible if gs.possible else None),
        ]
        if coverage is not None:
            row.append(percent(coverage.get(group)))
        if group == INFRA:
            infra.append(row)
            continue
        rows.append(row)
        chapters += 1
        for tier, ts in (tiers or {}).get(group, {}).items():
            rows.append(
                [
                    "",
                    f"└ {tier}",
                    f"{ts.passed}/{ts.total}",
                    f"{ts.earned:g}/{ts.possible:g}",
                    percent(100 * ts.earned / ts.possible if ts.possible else None),
                ]
                + ([""] if coverage is not None else [])
            )
        total.passed += gs.passed
        total.total += gs.total
        total.earned += gs.earned
        total.possible += gs.possible
    footer = []
    if rows:
        score = 100 * total.earned / total.possible if total.possible else None
        footer.append(
            [
                "total",
                f"{chapters} chapters",
                f"{total.passed}/{total.total}",
                f"{total.earned:g}/{total.possible:g}",
                percent(score),
            ]
        )
        if coverage is not None:
            footer[0].append(percent(total_coverage))
    return Table(header, rows, footer + infra)


def coverage_percent(
    cov: Coverage, include: list[str], omit: list[str] | None = None
) -> float | None:
    """What ``coverage report --include`` prints as TOTAL; None when nothing matches."""
    from coverage.exceptions import NoDataError

    try:
        return cov.report(include=include, file=io.StringIO(), omit=omit)
    except NoDataError:
        return None
