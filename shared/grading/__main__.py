"""``python -m shared.grading``: coverage reports and the grade table after a test run."""

from __future__ import annotations

import argparse
import ast
import html
import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import feedback
from .outputs import grades_data, gradescope_data, write_json
from .report import Table, build_table, coverage_percent, include_of, key_of
from .results import INFRA, load, score, tier_scores

if TYPE_CHECKING:
    from coverage import Coverage

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised by the Python 3.10 CI job
    import tomli as tomllib


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m shared.grading", description=__doc__)
    parser.add_argument(
        "--results",
        type=Path,
        action="append",
        help="results JSON written by pytest --grades-out (repeat to merge runs); "
        "default: <reports>/results.json",
    )
    parser.add_argument("--data-file", default=".coverage", help="coverage data file")
    parser.add_argument(
        "--no-combine", action="store_true", help="the coverage data is already combined"
    )
    parser.add_argument("--no-coverage", action="store_true", help="grade points only")
    parser.add_argument(
        "--reports",
        type=Path,
        default=Path("reports"),
        help="folder of results.json, grades.json and the JSON/XML coverage",
    )
    parser.add_argument("--html-dir", default=None, help="HTML coverage folder (default: htmlcov)")
    parser.add_argument("--pyproject", type=Path, default=Path("pyproject.toml"))
    return parser.parse_args(argv)


def includes_of(group: str, solutions: dict[str, dict[str, Any]]) -> list[str]:
    """Coverage ``--include`` of a group: a graded solution's files, or our chapter's app."""
    if group in solutions:
        return list(solutions[group]["files"])
    return [include_of(group)]


def parses(file: Path) -> bool:
    try:
        ast.parse(file.read_bytes(), filename=str(file))
    except (SyntaxError, ValueError):
        return False
    return True


def unparsable_files(patterns: list[str]) -> list[str]:
    """The ``.py`` files under coverage patterns (a file, or ``folder/*``) that do not parse."""
    files: list[Path] = []
    for pattern in patterns:
        path = Path(pattern.removesuffix("*"))
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [str(f) for f in files if f.suffix == ".py" and f.is_file() and not parses(f)]


def main_files(patterns: list[str]) -> list[Path]:
    """The module a solution's patterns name: the file, or a folder's ``__init__``/``main``."""
    paths = [Path(pattern.removesuffix("*")) for pattern in patterns]
    found = [p for p in paths if p.is_file()]
    found += [m for p in paths if p.is_dir() for m in (p / "__init__.py", p / "main.py")]
    return [m for m in found if m.is_file()]


def grading_config(pyproject: Path) -> dict[str, Any]:
    if not pyproject.is_file():
        return {}
    config: dict[str, Any] = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    return dict(config.get("tool", {}).get("grading", {}))


def load_coverage(args: argparse.Namespace) -> Coverage | None:
    """Combined coverage data, or None when the run was not measured."""
    from coverage import Coverage
    from coverage.exceptions import NoDataError

    cov = Coverage(data_file=args.data_file, config_file=str(args.pyproject))
    if not args.no_combine:
        try:
            cov.combine()
            cov.save()
        except NoDataError:
            pass  # nothing to combine: use the data file as it is
    if not Path(args.data_file).is_file():
        return None
    cov.load()
    return cov


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    run = load(args.results or [args.reports / "results.json"])
    groups = score(run.results)
    problems = [
        f"{key_of(g)}: {len(gs.failed)} of {gs.total} tests not passed (see the feedback)"
        for g, gs in groups.items()
        if gs.failed
    ]
    problems += [f"collection error: {e}" for e in run.collect_errors]
    if not run.results:
        problems.append("no test ran")

    cov = None if args.no_coverage else load_coverage(args)
    coverage = total = None
    # A chapter graded with --solution is measured on the solution's own files.
    include = {g: includes_of(g, run.solutions) for g in groups}
    includes = [pattern for patterns in include.values() for pattern in patterns]
    args.reports.mkdir(parents=True, exist_ok=True)
    # A graded solution that does not parse ran no line: 0 %. Files that do not parse are left
    # out of every report (coverage would stop at them).
    skipped = sorted(
        {f for g in run.solutions if g in include for f in unparsable_files(include[g])}
    )
    broken = {
        g
        for g in groups
        if g in run.solutions and set(map(str, main_files(include[g]))) & set(skipped)
    }
    for group in sorted(broken):
        print(f"{key_of(group)}: the graded solution does not parse: its coverage is 0%")
    for file in skipped:
        print(f"not measured, it does not parse: {file}")
    # Passed to a report, omit replaces the configured one: keep both.
    omits = None
    if cov is not None and skipped:
        omits = [*(cov.get_option("report:omit") or []), *skipped]  # type: ignore[misc]
    if cov is not None:
        from coverage.exceptions import NoDataError

        print(f"coverage of {', '.join(includes)}")
        try:
            cov.report(include=includes, file=sys.stdout, omit=omits)
        except NoDataError:  # a solution never measured (say, under a folder coverage omits)
            if not broken:
                print(f"no coverage data for {', '.join(includes)}: coverage is left out")
            cov = None
    if cov is None and broken:  # nothing else was measured: the table still shows the 0 %
        coverage = {g: 0.0 if g in broken else None for g in groups}
        total = 0.0 if all(g in broken for g in groups if g != INFRA) else None
    if cov is not None:
        cov.html_report(include=includes, directory=args.html_dir, omit=omits)
        out = args.reports
        cov.json_report(include=includes, outfile=str(out / "coverage.json"), omit=omits)
        cov.xml_report(include=includes, outfile=str(out / "coverage.xml"), omit=omits)
        coverage = {
            g: 0.0
            if g in broken
            else coverage_percent(cov, include[g], omits)
            if include[g]
            else None
            for g in groups
        }
        write_chapter_html(
            cov, include, coverage, run.titles, Path(args.html_dir or "htmlcov"), omits
        )
        # The total row is the chapters' (their apps, or the graded solutions): the shared
        # infrastructure has a row of its own, measured here by its unit tests only (its
        # end-to-end proofs run in nox -s proofs).
        graded = [pattern for g, patterns in include.items() if g != INFRA for pattern in patterns]
        total = coverage_percent(cov, graded, omits) if graded else None
        # The reference thresholds are ours: a graded solution's grade is its score.
        chapter_min = float(grading_config(args.pyproject).get("chapter_fail_under", 0))
        fail_under = cov.get_option("report:fail_under")
        total_min = 0.0 if run.solutions else float(fail_under or 0)  # type: ignore[arg-type]
        problems += [
            f"coverage of {g} is {c or 0:.1f}%, under {chapter_min:g}%"
            for g, c in coverage.items()
            if g != INFRA and g not in run.solutions and (c or 0) < chapter_min
        ]
        if (total or 0) < total_min:
            problems.append(f"total coverage is {total or 0:.1f}%, under {total_min:g}%")

    tiers = tier_scores(run.results)
    table = build_table(groups, coverage, total, run.titles, tiers)
    write_json(
        args.reports / "grades.json",
        grades_data(groups, run.titles, coverage, total, run.solutions, problems, tiers),
    )
    write_json(args.reports / "gradescope.json", gradescope_data(run.results))
    feedback_md = feedback.render_markdown(groups, run.results, run.titles)
    (args.reports / "feedback.md").write_text(feedback_md + "\n", encoding="utf-8")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        markdown_coverage = None
        if cov is not None:
            markdown_coverage = io.StringIO()
            cov.report(
                include=includes,
                file=markdown_coverage,
                output_format="markdown",
                omit=omits,
            )
        write_summary(Path(summary), table, problems, markdown_coverage, feedback_md)

    print("\n" + "=" * 30 + " grade table " + "=" * 30)
    print(table.text())
    print(feedback.render_text(groups, run.results, run.titles))
    for problem in problems:
        print(f"FAIL: {problem}")
    return 1 if problems else 0


def write_chapter_html(
    cov: Coverage,
    include: dict[str, list[str]],
    coverage: dict[str, float | None],
    titles: dict[str, str],
    html_dir: Path,
    omits: list[str] | None = None,
) -> None:
    """``htmlcov/<chapter>/index.html`` per chapter (its app, or the graded solution's code),
    and ``htmlcov/chapters.html`` linking them with each chapter's figure."""
    from coverage.exceptions import NoDataError

    links = []
    for group, patterns in include.items():
        if group == INFRA or not patterns or coverage.get(group) is None:
            continue
        key = key_of(group)
        try:
            cov.html_report(
                include=patterns,
                directory=str(html_dir / key),
                title=f"{key} {titles.get(group, '')}",
                omit=omits,
            )
        except NoDataError:  # a solution that does not parse: its 0 % has no page
            continue
        links.append(
            f'<li><a href="{key}/index.html">{key}</a> {html.escape(titles.get(group, group))}: '
            f"<b>{coverage[group]:.1f}%</b></li>"
        )
    page = (
        '<!doctype html><html lang="ko"><head><meta charset="utf-8">'
        "<title>챕터별 커버리지</title></head><body><h1>챕터별 커버리지 (coverage per chapter)</h1>"
        f'<ul>{"".join(links)}</ul><p><a href="index.html">전체 (all files)</a></p></body></html>'
    )
    (html_dir / "chapters.html").write_text(page + "\n", encoding="utf-8")


def write_summary(
    path: Path, table: Table, problems: list[str], coverage: io.StringIO | None, feedback_md: str
) -> None:
    """Append the grade table, the feedback and the coverage table to a GitHub job summary."""
    with path.open("a", encoding="utf-8") as fh:
        fh.write("## Grades\n\n" + table.markdown() + "\n\n")
        fh.writelines(f"- :x: {p}\n" for p in problems)
        fh.write("\n" + feedback_md.replace("# 피드백", "## 피드백", 1) + "\n")
        if coverage is not None:
            fh.write("\n## Coverage\n\n" + coverage.getvalue() + "\n")


if __name__ == "__main__":
    sys.exit(main())
