"""What ``--solution chNN=VALUE`` names, and loading it without letting it stop the run.

VALUE is an importable module (``mypkg.main``) or a path: a ``.py`` file or a package folder.
A path is imported under a name of its own (``_solution_ch10``), so two learners' ``main.py``
never collide in one process. Loading catches everything the learner's code raises at import:
the chapter's tests then fail with one line each, the other chapters are graded as usual.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from .chapters import CHAPTERS_DIR, all_chapters, normalize_key


class GradingProblem(Exception):
    """A test could not be graded as written; its report is this one line, not a traceback."""


class MissingHook(GradingProblem):
    """The solution lacks an attribute a test needs (a dependency to override, ``Base``...)."""

    def __init__(self, module: str, name: str, why: str | None = None) -> None:
        self.name = name
        reason = f": {why}" if why else ""
        super().__init__(f"모듈 {module}에 `{name}`가 없습니다{reason}")


class SolutionImportError(GradingProblem):
    """The solution's module raised while it was imported."""


@dataclass(frozen=True)
class SolutionSpec:
    """One ``--solution`` value, resolved."""

    chapter: str  # "ch10"
    value: str  # as typed
    module_name: str  # the name it is imported under in this process
    folder: Path | None = None  # put on sys.path (and PYTHONPATH for servers) to import it
    file: Path | None = None  # the file or package folder imported
    subprocess_name: str = ""  # the module name a subprocess imports (with ``folder`` on its path)
    measured: str = ""  # the coverage pattern of the solution's own code, for a path

    @property
    def is_path(self) -> bool:
        return self.file is not None


@dataclass
class Loaded:
    spec: SolutionSpec
    module: ModuleType | None = None
    error: str | None = None  # one line: file:line: Error: message
    files: list[str] = field(default_factory=list)  # what coverage should measure


def parse_value(value: str, known: set[str] | None = None, cwd: Path | None = None) -> SolutionSpec:
    """``ch10=../work/main.py`` -> a spec; ``ValueError`` with a message a user can act on."""
    chapter, sep, target = value.partition("=")
    target = target.strip()
    if not sep or not chapter.strip():
        raise ValueError(f"--solution expects CHAPTER=MODULE or CHAPTER=PATH, got {value!r}")
    key = normalize_key(chapter)
    known = known if known is not None else {c.key for c in all_chapters()}
    if key is None or key not in known:
        names = ", ".join(sorted(known))
        raise ValueError(f"--solution {value!r}: no chapter {chapter.strip()!r} (known: {names})")
    if not target:
        raise ValueError(f"--solution {value!r}: the module or path after '=' is empty")
    looks_like_path = "/" in target or "\\" in target or target.endswith(".py")
    if not looks_like_path:
        return SolutionSpec(key, value, target)
    path = Path(cwd or Path.cwd(), target).resolve()
    if not path.exists():
        raise ValueError(f"--solution {value!r}: {target} does not exist")
    name = f"_solution_{key}"
    if path.is_dir() and (path / "__init__.py").is_file():  # a package: relative imports work
        return SolutionSpec(key, value, name, path.parent, path, path.name, str(path / "*"))
    if path.is_dir() and (path / "main.py").is_file():  # a folder of modules, main.py first
        return SolutionSpec(key, value, name, path, path / "main.py", "main", str(path / "*"))
    if path.is_dir():
        raise ValueError(f"--solution {value!r}: {target} has neither __init__.py nor main.py")
    if path.suffix != ".py":
        raise ValueError(f"--solution {value!r}: {target} is not a .py file")
    return SolutionSpec(key, value, name, path.parent, path, path.stem, str(path))


def reference_spec(chapter: str) -> SolutionSpec:
    folder = next(c for c in all_chapters(CHAPTERS_DIR) if c.key == chapter)
    return SolutionSpec(chapter, "", folder.module)


def where(exc: BaseException, spec: SolutionSpec) -> str:
    """``file:line: Error: message``, at the frame of the learner's own code when there is one."""
    if isinstance(exc, SyntaxError) and exc.filename:
        return f"{exc.filename}:{exc.lineno}: SyntaxError: {exc.msg}"
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if "importlib" not in f.filename and "shared/grading" not in f.filename
    ]
    message = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__
    return f"{frames[-1].filename}:{frames[-1].lineno}: {text}" if frames else text


def import_spec(spec: SolutionSpec) -> ModuleType:
    if not spec.is_path:
        return importlib.import_module(spec.module_name)
    if spec.file is None or spec.folder is None:  # pragma: no cover - is_path says otherwise
        raise ValueError(spec.value)
    if str(spec.folder) not in sys.path:  # a learner's main.py imports its siblings by name
        sys.path.insert(0, str(spec.folder))
    if spec.file.is_dir():
        module_spec = importlib.util.spec_from_file_location(
            spec.module_name,
            spec.file / "__init__.py",
            submodule_search_locations=[str(spec.file)],
        )
    else:
        module_spec = importlib.util.spec_from_file_location(spec.module_name, spec.file)
    if module_spec is None or module_spec.loader is None:
        raise ImportError(f"cannot import {spec.file}")
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[spec.module_name] = module
    try:
        module_spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[spec.module_name]
        raise
    if spec.file.is_dir() and not hasattr(module, "app") and (spec.file / "main.py").is_file():
        module = importlib.import_module(f"{spec.module_name}.main")
    return module


def coverage_files(
    spec: SolutionSpec, module: ModuleType | None, origin: str | None = None
) -> list[str]:
    """Coverage ``--include`` patterns of the solution's own code."""
    if spec.measured:
        return [spec.measured]
    origin = origin or getattr(module, "__file__", None)
    if not origin:
        return []
    path = Path(origin).resolve()
    if "." in spec.module_name and path.parent.joinpath("__init__.py").is_file():
        return [str(path.parent / "*")]  # mypkg.main: the package it lives in
    return [str(path)]


def load(spec: SolutionSpec) -> Loaded:
    """Import once; any exception (SyntaxError, ImportError, SystemExit...) becomes ``error``."""
    loaded = Loaded(spec)
    try:
        loaded.module = import_spec(spec)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:
        loaded.error = where(exc, spec)
    loaded.files = coverage_files(spec, loaded.module)
    return loaded
