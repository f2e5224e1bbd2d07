"""Suite speed: the whole suite serial, in parallel, and through ``nox -s tests``, side by side.

Targets (issue "Proof of speed and robustness"): parallel at most 0.75x serial on 2 cores;
``nox -s tests`` (reused venv, coverage on) at most 1.3x bare parallel pytest.

    nox -s bench -- bench/bench_suite_speed.py
"""

from __future__ import annotations

import sys

from timing import machine, print_table, run_timed

PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
NOX = [sys.executable, "-m", "nox", "-s", "tests"]


def main() -> None:
    print(f"suite speed on {machine()}")
    run_timed([*NOX, "--install-only"])  # the venv exists and is up to date: "reused"
    serial = run_timed([*PYTEST, "-n", "0"])
    parallel = run_timed([*PYTEST, "-n", "auto"])
    through_nox = run_timed(NOX)
    print_table(
        "whole suite, wall time",
        ["run", "seconds", "ratio", "target"],
        [
            ["pytest -n 0 (serial)", f"{serial:.1f}", "1.00 x serial", ""],
            ["pytest -n auto", f"{parallel:.1f}", f"{parallel / serial:.2f} x serial", "<= 0.75"],
            [
                "nox -s tests (coverage)",
                f"{through_nox:.1f}",
                f"{through_nox / parallel:.2f} x parallel",
                "<= 1.30",
            ],
        ],
    )


if __name__ == "__main__":
    main()
