"""Gradescope: grade one submission into ``results.json``, and build the autograder's zip.

``gradescope/run_autograder`` calls ``--chapter chNN --submission DIR --results FILE``;
``python -m shared.grading.gradescope --zip chNN`` writes ``reports/gradescope-chNN.zip``, the
file an instructor uploads for that chapter's assignment (see the README).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from . import feedback
from .batch import Submission, grade_submission
from .chapters import REPO_ROOT, resolve
from .outputs import gradescope_data, write_json
from .results import score

# What the zip holds besides setup.sh and run_autograder at its root.
SOURCES = ("chapters", "shared", "gradescope", "pyproject.toml", "README.md")
SKIP = ("__pycache__", ".pyc", "/data/")


def find_module(chapter_key: str, folder: Path) -> Path | None:
    """The learner's module: ``chNN.py``, ``main.py``, a package ``chNN/``, or the one .py."""
    for candidate in (folder / f"{chapter_key}.py", folder / chapter_key, folder / "main.py"):
        if candidate.is_file() or (candidate.is_dir() and any(candidate.glob("*.py"))):
            return candidate
    files = sorted(folder.glob("*.py"))
    if len(files) == 1:
        return files[0]
    if files or (folder / "__init__.py").is_file():
        return folder  # a folder of modules (main.py first) or a package
    return None


def grade(chapter_text: str, submission: Path, timeout: float) -> dict[str, Any]:
    chapter = resolve(chapter_text)
    module = find_module(chapter.key, submission)
    if module is None:
        return {
            "score": 0,
            "execution_time": 0,
            "output": f"제출물에서 {chapter.key}.py(또는 main.py)를 찾지 못했습니다.",
            "tests": [],
        }
    with tempfile.TemporaryDirectory(prefix="gradescope-") as scratch:
        graded = grade_submission(Submission("submission", chapter, module), Path(scratch), timeout)
    data = gradescope_data(graded.results, execution_time=graded.seconds)
    text = feedback.render_text(score(graded.results), graded.results, graded.titles)
    data["output"] = (graded.reason + "\n" + text).strip() if graded.reason else text.strip()
    return data


def build_zip(chapter_text: str, out: Path) -> Path:
    chapter = resolve(chapter_text)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ("setup.sh", "run_autograder"):
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o755 << 16
            archive.writestr(info, (REPO_ROOT / "gradescope" / name).read_bytes())
        for source in SOURCES:
            path = REPO_ROOT / source
            files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
            for file in files:
                name = file.relative_to(REPO_ROOT).as_posix()
                if name != "gradescope/chapter" and not any(p in f"/{name}" for p in SKIP):
                    archive.write(file, name)
        archive.writestr("gradescope/chapter", chapter.key + "\n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m shared.grading.gradescope")
    parser.add_argument("--chapter", help="ch01 ... ch10")
    parser.add_argument("--submission", type=Path, help="the learner's files")
    parser.add_argument("--results", type=Path, help="Gradescope's results.json to write")
    parser.add_argument("--timeout", type=float, default=600, help="seconds for the submission")
    parser.add_argument("--zip", metavar="CHAPTER", help="build the autograder zip instead")
    parser.add_argument("--out", type=Path, help="where --zip writes (reports/gradescope-chNN.zip)")
    args = parser.parse_args(argv)
    if args.zip:
        key = resolve(args.zip).key
        print(build_zip(args.zip, args.out or REPO_ROOT / "reports" / f"gradescope-{key}.zip"))
        return 0
    if not (args.chapter and args.submission and args.results):
        parser.error("--chapter, --submission and --results are needed (or --zip CHAPTER)")
    write_json(args.results, grade(args.chapter, args.submission, args.timeout))
    return 0


if __name__ == "__main__":
    sys.exit(main())
