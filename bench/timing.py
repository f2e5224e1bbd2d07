"""Small helpers the benchmarks share: timing commands and printing a table of figures."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_timed(
    command: Sequence[str], env: dict[str, str] | None = None, ok_codes: Sequence[int] = (0,)
) -> float:
    """Wall time of ``command`` run from the repository root; fails loudly if it fails."""
    start = time.perf_counter()
    proc = subprocess.run(
        list(command),
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode not in ok_codes:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{proc.stdout[-3000:]}")
    return elapsed


def machine() -> str:
    return f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start"


def print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    sizes = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    for row in [header, ["-" * s for s in sizes], *rows]:
        print("  ".join(str(cell).ljust(size) for cell, size in zip(row, sizes, strict=True)))
