"""GitHub Classroom's payload: ``python -m shared.grading.classroom reports/results.json``.

The autograding reporter (``classroom-resources/autograding-grading-reporter``) reads, for each
runner named in its ``runners`` input, the environment variable ``<RUNNER>_RESULTS``: base64 of
``{"version": 1, "status": "pass|fail|error", "max_score": N, "tests": [{"name", "status",
"score", "max_score", "message", "line_no", "test_code"}]}``. Classroom's grade is the sum of the
tests' ``score`` over the sum of the runners' ``max_score``; the reporter's own table scores a
runner by the share of its tests that passed. With one runner per weight (``points1``,
``points2``...) both equal our grade table.

Written to ``$GITHUB_OUTPUT`` (one output per runner, and ``runners``, the list) when set,
printed as JSON otherwise.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
from pathlib import Path
from typing import Any

from .results import INFRA, TestResult, load

STATUS = {"passed": "pass", "failed": "fail", "error": "error", "skipped": "fail"}


def runner_name(weight: float) -> str:
    """``points1``, ``points2``, ``points0x5``: letters and digits, as the reporter expects."""
    return "points" + f"{weight:g}".replace(".", "x")


def test_entry(result: TestResult) -> dict[str, Any]:
    path, _, name = result.nodeid.partition("::")
    shown = f"{Path(path).name}::{name}" if name else result.nodeid
    label = f"{shown} — {result.description}" if result.description else shown
    return {
        "name": f"{label} ({result.points:g}점)",
        "status": STATUS.get(result.status, "error"),
        "score": result.earned,
        "max_score": result.points,
        "message": result.message,
        "line_no": 0,
        "test_code": f"pytest '{result.nodeid}'",
    }


def payloads(results: list[TestResult], collect_errors: list[str]) -> dict[str, dict[str, Any]]:
    """The reporter's results per runner: the graded tests grouped by their weight."""
    graded = sorted(
        (r for r in results if r.group != INFRA and r.points > 0), key=lambda r: r.order
    )
    out: dict[str, dict[str, Any]] = {}
    for weight in sorted({r.points for r in graded}):
        tests = [test_entry(r) for r in graded if r.points == weight]
        status = "pass" if all(t["status"] == "pass" for t in tests) else "fail"
        out[runner_name(weight)] = {
            "version": 1,
            "status": status,
            "max_score": sum(t["max_score"] for t in tests),
            "tests": tests,
        }
    if collect_errors or not out:
        why = "; ".join(collect_errors) or "테스트가 하나도 실행되지 않았습니다"
        out["collection"] = {
            "version": 1,
            "status": "error",
            "max_score": 0,
            "tests": [
                {
                    "name": "테스트 수집",
                    "status": "error",
                    "score": 0,
                    "max_score": 0,
                    "message": f"수집하지 못한 테스트 파일: {why}",
                    "line_no": 0,
                    "test_code": "pytest --collect-only",
                }
            ],
        }
    return out


def encode(payload: dict[str, Any]) -> str:
    return base64.b64encode(json.dumps(payload, ensure_ascii=False).encode("utf-8")).decode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m shared.grading.classroom", description=__doc__.splitlines()[0]
    )
    parser.add_argument("results", type=Path, nargs="?", default=Path("reports/results.json"))
    args = parser.parse_args(argv)
    if args.results.is_file():
        run = load([args.results])
        out = payloads(run.results, run.collect_errors)
    else:
        out = payloads([], [f"{args.results}가 없습니다 (pytest가 끝까지 돌지 못했습니다)"])
    github_output = os.environ.get("GITHUB_OUTPUT")
    if github_output:
        with open(github_output, "a", encoding="utf-8") as fh:
            for runner, payload in out.items():
                fh.write(f"{runner}={encode(payload)}\n")
            fh.write(f"runners={','.join(out)}\n")
    else:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    earned = sum(t["score"] for p in out.values() for t in p["tests"])
    possible = sum(p["max_score"] for p in out.values())
    print(f"Classroom: {earned:g}/{possible:g} ({', '.join(out)})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
