"""Open the per-chapter coverage pages in a real headless browser and check what they show.

``python -m shared.grading.pages [HTMLCOV]`` (``nox -s pages``, after ``nox -s tests``): Chromium
renders ``chapters.html`` and every ``<chapter>/index.html`` (``--dump-dom``: the page after its
scripts ran) and saves a screenshot of each under ``reports/pages/``. A page fails when the
browser cannot render it, when the index does not link every chapter page, or when a chapter's
page lists no file, files of another chapter, or not every file of that chapter's app.
"""

from __future__ import annotations

import ast
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
INSTALL_HINT = "apt-get install chromium (Debian, Ubuntu) or brew install --cask chromium"
# As the machine's own probe starts it: no sandbox as root, no network of its own.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path("reports/pages")


def browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def render(exe: str, page: Path, screenshot: Path) -> str:
    """The DOM of ``page`` as Chromium built it; a screenshot of it on the way."""
    with tempfile.TemporaryDirectory() as profile:
        common = [exe, *FLAGS, f"--user-data-dir={profile}", "--window-size=1280,1000"]
        url = page.resolve().as_uri()
        subprocess.run(
            [*common, f"--screenshot={screenshot}", url],
            capture_output=True,
            timeout=60,
            check=True,
        )
        done = subprocess.run(
            [*common, "--dump-dom", url], capture_output=True, text=True, timeout=60, check=True
        )
    return done.stdout


def listed_files(dom: str) -> list[str]:
    """The source files in a coverage.py index page (its table's "name" cells)."""
    cells = re.findall(r'<td class="name"[^>]*>\s*<a [^>]*>(.*?)</a>', dom, flags=re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in cells]


def has_code(path: Path) -> bool:
    """A file with a statement besides its docstring (``skip_empty`` leaves the others out)."""
    body = ast.parse(path.read_text(encoding="utf-8")).body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    return bool(body)


def check_chapter(dom: str, key: str) -> list[str]:
    files = listed_files(dom)
    if not files:
        return [f"{key}: the page lists no file"]
    problems = []
    folders = {Path(f).parts[0] for f in files}
    ours = [f for f in files if f.startswith(f"chapters/{key}")]
    if ours:  # our reference: every file of the chapter's app, nothing of another chapter
        folder = Path(ours[0]).parts[1]
        app = ROOT / "chapters" / folder / "app"
        expected = {p.relative_to(ROOT).as_posix() for p in app.rglob("*.py") if has_code(p)}
        if missing := expected - set(files):
            problems.append(f"{key}: not listed: {', '.join(sorted(missing))}")
        if strangers := [f for f in files if not f.startswith(f"chapters/{folder}/")]:
            problems.append(f"{key}: files of another chapter: {', '.join(strangers)}")
    elif len(folders) > 1:  # a graded solution: its own folder only
        problems.append(f"{key}: files from several folders: {', '.join(sorted(folders))}")
    return problems


def main(argv: list[str]) -> int:
    html_dir = Path(argv[0] if argv else "htmlcov")
    exe = browser()
    if exe is None:
        print(f"no Chromium found: {INSTALL_HINT}", file=sys.stderr)
        return 1 if os.environ.get("CI") == "true" else 0
    index = html_dir / "chapters.html"
    if not index.exists():
        print(f"{index} is missing: run nox -s tests first", file=sys.stderr)
        return 1
    shots = SHOTS
    shots.mkdir(parents=True, exist_ok=True)
    problems = []
    keys = sorted(p.parent.name for p in html_dir.glob("*/index.html"))
    dom = render(exe, index, shots / "chapters.png")
    problems += [
        f"chapters.html: no link to {k}" for k in keys if f'href="{k}/index.html"' not in dom
    ]
    for key in keys:
        problems += check_chapter(
            render(exe, html_dir / key / "index.html", shots / f"{key}.png"), key
        )
        print(f"{key}: rendered, screenshot {shots / key}.png")
    for problem in problems:
        print(f"FAILED {problem}", file=sys.stderr)
    print(f"{len(keys)} chapter pages checked in {Path(exe).name}: {len(problems)} problem(s)")
    return 1 if problems or not keys else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
