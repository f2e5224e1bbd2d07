"""Starter export for GitHub Classroom: ``python -m shared.grading.starter chNN DIR [--empty]``.

``nox -s starter -- chNN DIR`` writes one chapter's assignment repository: the chapter's tests
and the grader (``shared/grading``, and of ``shared/testing`` what the tests import), a skeleton
``app/`` whose routes answer ``501`` with a Korean TODO (from our reference app's routes; with
``--empty`` an empty app), the chapter README without pointers into our solution, its own
``pyproject.toml`` and ``noxfile.py`` (``nox -s tests`` grades the export's own ``app/``) and
``.github/workflows/classroom.yml`` (the grade of each test in GitHub Classroom).

The export's pyproject names its chapter (``[tool.grading] chapter = "ch05"``): ``nox -s grade``
recognises a Classroom clone by it and grades the clone's ``app/`` with our copy of the tests.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import keyword
import re
import shutil
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .chapters import REPO_ROOT, Chapter, resolve

MARKER_FILE = ".course-chapter"  # also written: a clone is recognised by either
SKIPPED = {"__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache"}
# Always part of the grader: the plugin (the pytest11 entry point), the report, Classroom's payload.
GRADER_ROOTS = ("shared.grading.plugin", "shared.grading.__main__", "shared.grading.classroom")
# Runtime dependencies our copy of the grader and the chapter suites need but the app may not.
NOT_EXPORTED_DEPENDENCIES = ("fastapi-offline",)  # our offline /docs (shared/docs_offline.py)


@dataclass(frozen=True)
class Route:
    methods: tuple[str, ...]
    path: str
    summary: str
    name: str
    status_code: int | None


# --------------------------------------------------------------------------- the grader's files


def module_file(name: str, root: Path = REPO_ROOT) -> Path | None:
    base = root.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imports_of(file: Path, root: Path = REPO_ROOT) -> set[str]:
    """The ``shared.*`` modules a file imports (absolute or relative), by reading it."""
    tree = ast.parse(file.read_text(encoding="utf-8"))
    relative = file.relative_to(root).with_suffix("")
    package = list(relative.parts[:-1])  # the package a relative import starts from
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                prefix = ".".join([*base, *([node.module] if node.module else [])])
            else:
                prefix = node.module or ""
            found.add(prefix)
            found.update(f"{prefix}.{alias.name}" for alias in node.names)
    return {name for name in found if name.split(".")[0] == "shared"}


def grader_files(chapter: Chapter, root: Path = REPO_ROOT) -> list[Path]:
    """Every file of ``shared`` the chapter's tests and the grader import (and their packages)."""
    todo = set(GRADER_ROOTS)
    for test_file in (chapter.path / "tests").rglob("*.py"):
        todo |= imports_of(test_file, root)
    files: set[Path] = set()
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        parts = name.split(".")
        todo |= {".".join(parts[:i]) for i in range(1, len(parts))}  # the packages on the way
        file = module_file(name, root)
        if file is None:
            continue  # an attribute (``from shared.testing import Solution``), not a module
        files.add(file)
        todo |= imports_of(file, root)
    return sorted(files)


def copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*SKIPPED, "*.pyc"))


# --------------------------------------------------------------------------- the skeleton app


def reference_routes(chapter: Chapter) -> list[Route]:
    """Method, path, summary of every operation of our reference app, as its OpenAPI lists them
    (the public view of its routes: routers included with prefixes, docs routes left out)."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    module = importlib.import_module(chapter.module)
    schema = module.app.openapi()
    routes = []
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            if method.upper() not in HTTP_METHODS:
                continue  # "parameters", "summary" of the path itself
            codes = sorted(int(c) for c in operation.get("responses", {}) if c.isdigit())
            success = next((c for c in codes if 200 <= c < 300), None)
            summary = str(operation.get("summary") or "").strip()
            # FastAPI's operationId: the function's name, the path, the method.
            name = str(operation.get("operationId") or "").removesuffix(f"_{method.lower()}")
            name = name.removesuffix(re.sub(r"\W", "_", path))
            if summary == name.replace("_", " ").title():
                summary = ""  # FastAPI's own, from the function's name: says nothing
            routes.append(Route((method.upper(),), path, summary, name, success))
    return routes


HTTP_METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE"}
PARAM_RE = re.compile(r"{([A-Za-z_][A-Za-z0-9_]*)(?::[a-z]+)?}")

SKELETON_HEAD = '''"""{title} 과제: 여기서 시작하세요.

아래 경로는 모두 있지만 아직 501로만 답합니다. TODO를 하나씩 채우세요.
무엇을 어떻게 답해야 하는지는 README.md에 있습니다. 채점: nox -s tests

다 만든 경로에서는 ``include_in_schema=False``를 지우세요: 그래야 문서(/openapi.json)에 나옵니다.
"""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

# TODO: 앱의 제목, 버전, 설명, 태그를 정하세요. docs_url=None, redoc_url=None을 지우면
# /docs와 /redoc이 켜집니다.
app = FastAPI(docs_url=None, redoc_url=None)


def todo(what: str) -> JSONResponse:
    """아직 만들지 않은 것: 501과 할 일."""
    return JSONResponse({{"detail": f"TODO: {{what}}"}}, status_code=501)


@app.exception_handler(HTTPException)
async def not_built_yet(request: Request, exc: HTTPException) -> JSONResponse:
    """TODO: 없는 경로(404)와 틀린 메서드(405)의 응답도 README대로 만드세요."""
    return todo(f"{{request.method}} {{request.url.path}} — 아직 없는 경로입니다")
'''

EMPTY_APP = '''"""{title} 과제: 여기서 시작하세요.

README.md의 엔드포인트를 이 앱에 만드세요. 채점: nox -s tests
"""

from fastapi import FastAPI

app = FastAPI()
'''


def todo_text(route: Route, method: str) -> str:
    what = route.summary or "이 경로를 만드세요"
    code = f" (응답 {route.status_code})" if route.status_code and route.status_code != 200 else ""
    if str(route.status_code) in what:
        code = ""
    return f"{method} {route.path} — {what}{code}"


def function_name(route: Route, method: str, used: set[str]) -> str:
    base = route.name if route.name.isidentifier() and not keyword.iskeyword(route.name) else "todo"
    name = base if base not in used else f"{base}_{method.lower()}"
    index = 2
    while name in used or name in {"app", "todo", "not_built_yet"}:
        name = f"{base}_{index}"
        index += 1
    used.add(name)
    return name


def skeleton_source(title: str, routes: Iterable[Route]) -> str:
    parts = [SKELETON_HEAD.format(title=title)]
    used: set[str] = set()
    for route in routes:
        params = PARAM_RE.findall(route.path)
        signature = ", ".join(f"{p}: str" for p in params)
        unused = "  # noqa: ARG001" if params else ""
        for method in route.methods:
            name = function_name(route, method, used)
            summary = f", summary={route.summary!r}" if route.summary else ""
            summary += ", include_in_schema=False"
            parts.append(
                f"\n\n@app.{method.lower()}({route.path!r}{summary})\n"
                f"def {name}({signature}) -> JSONResponse:{unused}\n"
                f"    return todo({todo_text(route, method)!r})\n"
            )
    return "".join(parts)


# --------------------------------------------------------------------------- the README

HEADING_RE = re.compile(r"^(#{2,6}) ")
# What points into our solution or our repository, not into the learner's.
OURS_RE = re.compile(
    r"shared/tests|shared/fuzz|shared\.testing|shared/testing|\]\((?:\.\./|app/)|chapters/\w+/app"
    r"|`app/|\bapp/\w+\.py"
)
# In 더 나아가기 also every module of our app named by its file, or by its dotted name.
OUR_MODULE_RE = r"`[\w/]+\.py\b|`(?:routers|app)\.\w+"


def our_modules_re(modules: Iterable[str]) -> re.Pattern[str]:
    names = "|".join(sorted(re.escape(m) for m in modules))
    dotted = rf"|`(?:{names})\.\w" if names else ""
    return re.compile(f"{OURS_RE.pattern}|{OUR_MODULE_RE}{dotted}")


def sections(text: str) -> list[tuple[str, list[str]]]:
    """(heading line, body lines) in order; the first heading is ``""`` (before any ``##``)."""
    out: list[tuple[str, list[str]]] = [("", [])]
    fence = False
    for line in text.splitlines():
        if line.startswith("```"):
            fence = not fence
        if not fence and HEADING_RE.match(line):
            out.append((line, []))
        else:
            out[-1][1].append(line)
    return out


def blocks(lines: list[str]) -> list[list[str]]:
    """Paragraphs, lists, tables and code fences, each with its lines; blank lines between."""
    out: list[list[str]] = []
    current: list[str] = []
    fence = False
    for line in lines:
        if line.startswith("```"):
            fence = not fence
        if not line.strip() and not fence:
            if current:
                out.append(current)
            current = []
        else:
            current.append(line)
    if current:
        out.append(current)
    return out


def list_items(block: list[str]) -> list[list[str]]:
    items: list[list[str]] = []
    for line in block:
        if re.match(r"^(?:[-*]|\d+\.) ", line) or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return items


def without_column(block: list[str], name: str) -> list[str]:
    """A table without its columns whose header starts with ``name``."""
    cells = [
        re.split(r"(?<!\\)\|", row.strip().removeprefix("|").removesuffix("|")) for row in block
    ]
    header = [c.strip() for c in cells[0]]
    if any(len(row) != len(header) for row in cells):
        return block  # a cell with a "|" of its own: left as it is
    index = next((i for i, h in enumerate(header) if h.startswith(name)), None)
    if index is None:
        return block
    return [
        "| " + " | ".join(c.strip() for i, c in enumerate(row) if i != index) + " |"
        for row in cells
    ]


def clean_block(block: list[str], pattern: re.Pattern[str]) -> list[str]:
    if block[0].startswith("|"):  # a table: drop the rows that point into our code
        return [row for i, row in enumerate(block) if i < 2 or not pattern.search(row)]
    if block[0].startswith("```"):
        return [] if pattern.search("\n".join(block)) else block
    if re.match(r"^(?:[-*]|\d+\.) ", block[0]):
        return [
            line
            for item in list_items(block)
            if not pattern.search(" ".join(item))
            for line in item
        ]
    return [] if pattern.search(" ".join(block)) else block


RUN_TEXT = """앱을 실행하세요(코드를 고치면 다시 시작합니다):

```bash
nox -s serve                          # http://127.0.0.1:8000
fastapi dev app/main.py               # 가상 환경을 활성화했다면
```"""

TEST_TEXT = """```bash
nox -s tests                          # 채점: 테스트마다 점수와 합계
pytest -n 0 -x                        # 가상 환경에서, 첫 실패에서 멈춤
```

테스트(`chapters/.../tests`)는 고치지 마세요. 채점은 원래 테스트로 합니다."""


def clean_readme(text: str, modules: Iterable[str] = ()) -> str:
    """The chapter README for the learner: our code's places and the proofs left out.

    ``modules``: the names of our app's modules (``delivery``, ``dispatch``...): in 더 나아가기 a
    paragraph or list item that names one (``delivery.claim``) is left out."""
    further_re = our_modules_re(modules)
    out: list[str] = []
    further = skip_sub = False
    for heading, body in sections(text):
        title = heading.lstrip("#").strip()
        if heading.startswith("## "):
            further = title == "더 나아가기"
        if heading.startswith("## ") and title == "실행":
            out += [heading, "", RUN_TEXT, ""]
            skip_sub = True
            continue
        if heading.startswith("## ") and title == "테스트":
            out += [heading, "", TEST_TEXT, ""]
            skip_sub = True
            continue
        if heading.startswith("## "):
            skip_sub = False
        elif heading and skip_sub:
            continue  # a sub-section of 실행 or 테스트: our commands
        pattern = further_re if further else OURS_RE
        kept: list[list[str]] = []
        for block in blocks(body):
            if title == "강의 내용과 코드" and block[0].startswith("|"):
                block = without_column(block, "코드")
            cleaned = clean_block(block, pattern)
            if cleaned:
                kept.append(cleaned)
        if heading.startswith("### ") and not kept:
            continue  # nothing left under it
        if heading:
            out += [heading, ""]
        for block in kept:
            out += [*block, ""]
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------- project files

NOXFILE = '''"""과제 저장소의 nox 세션: ``nox -s tests``(채점, 기본), ``nox -s serve``(앱 실행)."""

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["tests"]

PYPROJECT = nox.project.load_toml("pyproject.toml")


@nox.session
def tests(session: nox.Session) -> None:
    """app/을 채점합니다: 테스트마다 점수, 합계와 피드백(reports/)."""
    session.install("-e", ".", *nox.project.dependency_groups(PYPROJECT, "test"))
    session.run(
        "pytest",
        "--grades-out",
        "reports/results.json",
        "-n",
        "auto",
        *session.posargs,
        success_codes=[0, 1],
    )
    session.run("python", "-m", "shared.grading", "--no-coverage")


@nox.session
def serve(session: nox.Session) -> None:
    """app/을 http://127.0.0.1:8000 에서 실행합니다(고치면 다시 시작)."""
    session.install("-e", ".")
    session.run("uvicorn", "app.main:app", "--reload", "--host", "127.0.0.1", "--port", "8000")
'''

GITIGNORE = """__pycache__/
*.pyc
.nox/
.venv/
reports/
.coverage*
*.db
"""


def toml_list(values: Iterable[str], indent: str = "    ") -> str:
    return "[\n" + "".join(f"{indent}{_toml_str(v)},\n" for v in values) + "]"


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def pyproject_text(chapter: Chapter) -> str:
    """The export's pyproject: our runtime and test dependencies, our pytest settings, and
    its own app as the default graded solution."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    ours = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    deps = [
        d for d in ours["project"]["dependencies"] if not d.startswith(NOT_EXPORTED_DEPENDENCIES)
    ]
    test = [d for d in ours["dependency-groups"]["test"] if isinstance(d, str)]
    pytest_ini = ours["tool"]["pytest"]["ini_options"]
    slug = chapter.folder.replace("_", "-")
    return f"""[build-system]
requires = ["hatchling>=1.27"]
build-backend = "hatchling.build"

[project]
name = "{slug}"
version = "0.1.0"
description = "{chapter.key} 과제"
requires-python = "{ours["project"]["requires-python"]}"
classifiers = ["Private :: Do Not Upload"]
dependencies = {toml_list(deps)}

[project.entry-points.pytest11]
# 채점 플러그인: @pytest.mark.points, --solution, 점수표
grading = "shared.grading.plugin"

[dependency-groups]
test = {toml_list(test)}

[tool.hatch.build.targets.wheel]
packages = ["app", "shared"]

[tool.pytest.ini_options]
minversion = "{pytest_ini["minversion"]}"
testpaths = ["chapters"]
addopts = {toml_list(a for a in pytest_ini["addopts"] if a not in ("-p", "pytester"))}
xfail_strict = true
filterwarnings = ["error"]
timeout = {pytest_ini["timeout"]}
timeout_method = "{pytest_ini["timeout_method"]}"
grading_require_descriptions = true
# 채점하는 것: 이 저장소의 app/ (--solution {chapter.key}=다른/경로 로 바꿀 수 있습니다)
grading_solutions = ["{chapter.key}=./app"]

[tool.grading]
# 이 저장소가 어느 챕터의 과제인지: 강사의 nox -s grade 가 읽습니다.
chapter = "{chapter.key}"
"""


WORKFLOW = """name: Autograding Tests
"on":
  push:
  repository_dispatch:
  workflow_dispatch:

permissions: {{}}

concurrency:
  group: autograding-${{{{ github.ref }}}}
  cancel-in-progress: true

jobs:
  run-autograding-tests:
    # GitHub Classroom reads the grade from this job's check run, by its name.
    name: Autograding Tests
    # As GitHub Classroom's own template: the reporter writes the grade on the check run.
    permissions:
      checks: write  # the grade's annotations on this check run
      actions: read  # the run the grade belongs to
      contents: read  # the checkout
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    timeout-minutes: 20
    steps:
      - name: Checkout code
        uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8  # v5.0.0
        with:
          persist-credentials: false
      - name: Set up Python
        uses: actions/setup-python@e797f83bcb11b83ae66e0230d6156d7c80228e7c  # v6.0.0
        with:
          python-version: "3.12"
{system}      - name: Install
        run: |
          python -m pip install --upgrade "pip>=25.1"
          python -m pip install -e . --group test
      - name: Grade
        id: grading
        run: |
          python -m pytest -p no:cacheprovider -n 0 --grades-out reports/results.json || true
          python -m shared.grading.classroom reports/results.json
      - name: Autograding Reporter
        # classroom-resources/autograding-grading-reporter, tag v1
        uses: {REPORTER}  # v1
        env:
{env}
        with:
          runners: ${{{{ steps.grading.outputs.runners }}}}
"""


REPORTER = (
    "classroom-resources/autograding-grading-reporter@d13b5912daf5042ac1b71bc38bdb4a6bcd61d8ca"
)
REDIS_STEP = """      - name: Install redis-server (the Celery tests start their own)
        run: |
          sudo apt-get update -qq
          sudo apt-get install -y -qq --no-install-recommends redis-server
"""
REDIS_USERS = re.compile(r"\b(?:redis_server_path|run_redis_server|run_celery_worker)\b")


def needs_redis(chapter: Chapter) -> bool:
    return any(
        REDIS_USERS.search(f.read_text(encoding="utf-8"))
        for f in (chapter.path / "tests").rglob("*.py")
    )


def workflow_text(runners: list[str], redis: bool = False) -> str:
    env = "\n".join(
        f"          {r.upper()}_RESULTS: ${{{{ steps.grading.outputs.{r} }}}}" for r in runners
    )
    return WORKFLOW.format(env=env, system=REDIS_STEP if redis else "", REPORTER=REPORTER)


# --------------------------------------------------------------------------- the export


def chapter_runners(chapter: Chapter) -> list[str]:
    """The reporter's runners of a chapter: one per distinct weight of its tests."""
    from .classroom import runner_name

    weights: set[float] = set()
    for test_file in (chapter.path / "tests").rglob("test_*.py"):
        tree = ast.parse(test_file.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "points"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, (int, float))
            ):
                weights.add(float(node.args[0].value))
    weights.add(1.0)  # a test without the marker
    return [*(runner_name(w) for w in sorted(weights) if w > 0), "collection"]


def app_modules(chapter: Chapter) -> set[str]:
    """The module names of our reference app (``main``, ``delivery``, ``routers``...)."""
    app = chapter.path / "app"
    return {p.stem for p in app.rglob("*.py") if p.stem != "__init__"} | {
        p.name for p in app.iterdir() if p.is_dir() and (p / "__init__.py").is_file()
    }


def export(chapter: Chapter, target: Path, empty: bool = False) -> list[Path]:
    """Write the assignment repository of ``chapter`` into ``target`` (new or empty)."""
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty")
    target.mkdir(parents=True, exist_ok=True)
    tests = target / "chapters" / chapter.folder
    tests.mkdir(parents=True)
    shutil.copy2(REPO_ROOT / "chapters" / "__init__.py", target / "chapters" / "__init__.py")
    shutil.copy2(chapter.path / "__init__.py", tests / "__init__.py")
    copy_tree(chapter.path / "tests", tests / "tests")
    for file in grader_files(chapter):
        dest = target / file.relative_to(REPO_ROOT)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(file, dest)
    (target / "app").mkdir()
    (target / "app" / "__init__.py").write_text(f'"""{chapter.key} 과제의 앱."""\n', "utf-8")
    title = chapter.title
    main = (
        EMPTY_APP.format(title=title)
        if empty
        else skeleton_source(title, reference_routes(chapter))
    )
    (target / "app" / "main.py").write_text(main, encoding="utf-8")
    readme = chapter.path / "README.md"
    if readme.is_file():
        (target / "README.md").write_text(
            clean_readme(readme.read_text(encoding="utf-8"), app_modules(chapter)),
            encoding="utf-8",
        )
    (target / "pyproject.toml").write_text(pyproject_text(chapter), encoding="utf-8")
    (target / "noxfile.py").write_text(NOXFILE, encoding="utf-8")
    (target / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    (target / MARKER_FILE).write_text(chapter.key + "\n", encoding="utf-8")
    workflow = target / ".github" / "workflows" / "classroom.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(
        workflow_text(chapter_runners(chapter), needs_redis(chapter)), encoding="utf-8"
    )
    return sorted(p for p in target.rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="nox -s starter --", description=__doc__.splitlines()[0])
    parser.add_argument("chapter", help="ch01 ... ch10")
    parser.add_argument("folder", type=Path, help="where to write the repository (new or empty)")
    parser.add_argument("--empty", action="store_true", help="an empty app instead of the skeleton")
    args = parser.parse_args(argv)
    try:
        chapter = resolve(args.chapter)
    except LookupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        files = export(chapter, args.folder, empty=args.empty)
    except FileExistsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    size = sum(f.stat().st_size for f in files)
    seconds = time.monotonic() - started
    print(f"{chapter.key}: {len(files)} files, {size} bytes in {args.folder} ({seconds:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
