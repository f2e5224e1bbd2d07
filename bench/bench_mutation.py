"""Mutation testing's cost: per chapter, how many mutants cosmic-ray makes and how long
``nox -s mutate`` takes for them (coverage map, then each mutant against its tests).

Every chapter by default (heavy: tens of minutes); some with MUTATION_CHAPTERS="ch01 ch02".
MUTATION_WHOLE_SUITE=1 runs every mutant against the whole suite too, for the speed-up of the
per-test selection. MUTATION_JOBS=N: N mutants at a time (--jobs). The reports go to a
temporary folder, not reports/.

    MUTATION_CHAPTERS="ch01 ch02" nox -s bench -- bench/bench_mutation.py
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from timing import machine, print_table, run_timed


def mutate(chapters: list[str], reports: Path, *extra: str) -> dict:
    jobs = os.environ.get("MUTATION_JOBS", "1")
    command = ["nox", "-s", "mutate", "--", *chapters, "--reports", str(reports), "--jobs", jobs]
    command += extra
    wall = run_timed(command)
    report = json.loads((reports / "mutation.json").read_text(encoding="utf-8"))
    report["wall"] = wall
    return report


def main() -> None:
    chapters = os.environ.get("MUTATION_CHAPTERS", "").split()
    whole = os.environ.get("MUTATION_WHOLE_SUITE") == "1"
    print(f"bench_mutation: {' '.join(chapters) or 'every chapter'} on {machine()}")
    with tempfile.TemporaryDirectory() as folder:
        selected = mutate(chapters, Path(folder) / "selected")
        full = mutate(chapters, Path(folder) / "whole", "--whole-suite") if whole else None
    header = ["chapter", "mutants", "killed", "survived", "timed out", "score", "seconds"]
    if full:
        header.append("whole suite s")
    rows = []
    for name, c in [*selected["chapters"].items(), ("total", selected["total"])]:
        score = "-" if c["score"] is None else f"{c['score']:.1%}"
        row = [name, c["mutants"], c["killed"], c["survived"], c["timed_out"], score, c["seconds"]]
        if full:
            other = full["total"] if name == "total" else full["chapters"][name]
            row.append(other["seconds"])
        rows.append([str(cell) for cell in row])
    print_table("cosmic-ray 8.7.0, each mutant against the tests that run its line", header, rows)
    print(f"\nnox -s mutate wall time: {selected['wall']:.0f} s")


if __name__ == "__main__":
    main()
