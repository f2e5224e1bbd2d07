"""``nox -s pages``: the coverage pages checked in a real headless browser (Chromium)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from shared.grading import pages

ROOT = Path(__file__).resolve().parents[2]
CH01_APP = ROOT / "chapters/ch01_getting_started/app"


def index_dom(files: list[str]) -> str:
    """The file table of a coverage.py index page, as the browser's DOM has it."""
    rows = "".join(
        f'<tr><td class="name"><a href="x.html">{f.replace("/", "<span>/</span>")}</a></td></tr>'
        for f in files
    )
    return f"<table>{rows}</table>"


def app_files(folder: str) -> list[str]:
    """The files coverage.py lists for an app: those with code (``skip_empty``)."""
    app = ROOT / "chapters" / folder / "app"
    return sorted(p.relative_to(ROOT).as_posix() for p in app.rglob("*.py") if pages.has_code(p))


def test_a_chapter_page_must_list_every_file_of_its_app_and_no_other() -> None:
    ch07 = app_files("ch07_database")
    assert pages.check_chapter(index_dom(ch07), "ch07") == []
    missing = pages.check_chapter(index_dom(ch07[1:]), "ch07")
    assert missing == [f"ch07: not listed: {ch07[0]}"]
    mixed = pages.check_chapter(
        index_dom([*ch07, "chapters/ch08_authentication/app/main.py"]), "ch07"
    )
    assert mixed == ["ch07: files of another chapter: chapters/ch08_authentication/app/main.py"]
    assert pages.check_chapter("<p>empty</p>", "ch07") == ["ch07: the page lists no file"]


def test_a_graded_solution_page_lists_its_own_folder_only() -> None:
    assert pages.check_chapter(index_dom(["my-work/main.py", "my-work/db.py"]), "ch10") == []
    mixed = pages.check_chapter(index_dom(["my-work/main.py", "other/x.py"]), "ch10")
    assert mixed == ["ch10: files from several folders: my-work, other"]


# In a process of its own: a second Coverage object inside a measured xdist worker made that
# worker's own measurements go missing from the combined data.
MAKE_REPORT = """
import sys, pathlib, coverage
data_file, directory, include, app = sys.argv[1:]
data = coverage.CoverageData(basename=data_file)
data.add_lines({str(p): {1} for p in pathlib.Path(app).rglob("*.py")})
data.write()
cov = coverage.Coverage(data_file=data_file, config_file=False)
cov.load()
cov.html_report(include=[include], directory=directory)
"""


def make_report(data_file: Path, directory: Path, include: str) -> None:
    """A coverage.py HTML report of chapter 1's files, from recorded data (nothing traced)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE")}
    subprocess.run(
        [sys.executable, "-c", MAKE_REPORT, str(data_file), str(directory), include, str(CH01_APP)],
        cwd=ROOT,  # coverage names the files relative to the working folder
        env=env,
        check=True,
        capture_output=True,
    )


def chromium() -> str:
    exe = pages.browser()
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"no Chromium: {pages.INSTALL_HINT}. CI=true: CI must run this test")
        pytest.skip(f"no Chromium: {pages.INSTALL_HINT}")
    return exe


@pytest.mark.timeout(120)
def test_the_browser_renders_each_chapter_page_with_its_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chapter 1's coverage page made from recorded data (no tracing inside this run), then
    opened in Chromium: it renders, lists chapter 1's files, and gets a screenshot."""
    chromium()
    html_dir = tmp_path / "htmlcov"
    make_report(tmp_path / ".coverage", html_dir / "ch01", f"{CH01_APP}/*")
    (html_dir / "chapters.html").write_text('<a href="ch01/index.html">ch01</a>', encoding="utf-8")
    shots = tmp_path / "shots"
    monkeypatch.setattr(pages, "SHOTS", shots)
    assert pages.main([str(html_dir)]) == 0
    assert (shots / "ch01.png").stat().st_size > 1000  # a real picture, not an empty file
    # The same page without one of its files fails the check.
    shutil.rmtree(html_dir / "ch01")
    make_report(tmp_path / ".coverage", html_dir / "ch01", f"{CH01_APP}/main.py")
    assert pages.main([str(html_dir)]) == 1
