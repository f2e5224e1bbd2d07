"""What every chapter's fuzz test shares: the schema loader, the checks, the bounds, isolation.

Each ``fuzz_chNN.py`` loads its app's schema with ``schema_of`` (from ``app.openapi()``: loading
it makes no request, so nothing of the app runs at import), isolates the app's state in a
fixture (``shared.testing.overridden``, ``lifespan_stopped``) and ``fuzz``-es each operation in
a test of its own (``each_operation``).
"""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
from schemathesis.python import asgi as schemathesis_asgi
from sqlalchemy import MetaData, create_engine
from sqlalchemy.orm import Session, sessionmaker

from .bounds import DEADLINE_MS, EXAMPLES, SEED

# The checks the issue asks for: no 5xx, and every answer as documented. Others stay off:
# e.g. ``positive_data_acceptance`` would count a 404 for a random id as a failure.
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
)

CONFIG = schemathesis.Config.from_dict(
    {
        "seed": SEED,
        "generation": {"mode": "all", "max-examples": EXAMPLES, "database": "none"},
        # One request per case; sequences of calls (stateful phase) are not bounded per case.
        "phases": {"stateful": {"enabled": False}},
        "checks": {"enabled": False, **{name: {"enabled": True} for name in CHECKS}},
        "request-timeout": DEADLINE_MS / 1000 * 2,
    }
)

# The hypothesis profile of every fuzz test; ``print_blob`` also prints a failing case's
# ``@reproduce_failure``.
hypothesis.settings.register_profile(
    "fuzz",
    max_examples=EXAMPLES,
    deadline=DEADLINE_MS,
    database=None,  # no .hypothesis/ folder in the checkout; the fixed seed replays instead
    print_blob=True,
)
FUZZ = hypothesis.settings.get_profile("fuzz")


def schema_of(app: Any) -> schemathesis.BaseSchema:
    """The app's OpenAPI schema, its cases sent to the app in-process (ASGI)."""
    schema = schemathesis.openapi.from_dict(app.openapi(), config=CONFIG)
    schema.app = app  # as ``from_asgi`` does, without starting the app to fetch its schema
    return schema


def secured(schema: schemathesis.BaseSchema) -> schemathesis.BaseSchema:
    """Only the operations that declare a security requirement (they need credentials)."""
    return schema.include(func=lambda ctx: bool(ctx.operation.definition.raw.get("security")))


def each_operation(schema: schemathesis.BaseSchema) -> pytest.MarkDecorator:
    """Parametrize a test with ``operation``, one test per operation of ``schema``.

    (Plain pytest parametrization rather than ``schema.parametrize()``: its items share one
    node id under pytest 9.2, which pytest-xdist cannot schedule.)
    """
    operations = [result.ok() for result in schema.get_all_operations()]
    return pytest.mark.parametrize("operation", operations, ids=[op.label for op in operations])


def fuzz(operation: schemathesis.APIOperation, headers: Mapping[str, str] | None = None) -> None:
    """Send ``FUZZ_EXAMPLES`` valid and invalid cases of ``operation`` (with ``headers`` added);
    every answer must pass ``CHECKS``. The seed depends on the run's seed and the operation
    only, so the same command fuzzes the same cases."""
    cases = hypothesis.strategies.one_of(
        [operation.as_strategy(generation_mode=mode) for mode in schemathesis.GenerationMode]
    )

    @FUZZ
    @hypothesis.seed(f"{SEED}:{operation.label}")
    @hypothesis.given(case=cases)
    def fuzz_operation(case: schemathesis.Case) -> None:
        case.call_and_validate(headers=dict(headers or {}))

    fuzz_operation()


@contextlib.contextmanager
def lifespan_stopped() -> Iterator[None]:
    """Stop the lifespans schemathesis started after the test (it keeps them for the process
    otherwise): every test's app starts fresh inside that test's isolation."""
    try:
        yield
    finally:
        schemathesis_asgi.shutdown_lifespans()


def without_lifespan(app: Any) -> Callable[..., Any]:
    """The app as an ASGI callable that declines the lifespan, as a test client that never
    enters it would: for an app whose startup writes to its configured (shared) database."""

    async def asgi(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            return
        await app(scope, receive, send)

    return asgi


@contextlib.contextmanager
def sqlite_database(path: Path, metadata: MetaData) -> Iterator[Callable[[], Iterator[Session]]]:
    """A SQLite file at ``path`` with ``metadata``'s tables, and a ``get_db`` override on it."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    metadata.create_all(engine)
    sessions = sessionmaker(bind=engine, autoflush=False)

    def get_test_db() -> Iterator[Session]:
        with sessions() as session:
            yield session

    try:
        yield get_test_db
    finally:
        engine.dispose()


def _load_every_fuzz_module() -> None:
    """Import all ``fuzz_*`` modules (and so every chapter's app) whichever one runs.

    Hypothesis mixes string and number constants found in the source of every local module
    loaded in the process into what it generates. With all of them loaded, an operation's cases
    are the same whether its test runs alone or with the whole suite, so the reproduction
    command printed for a failure brings the failure back.
    """
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if module.name.startswith("fuzz_"):
            importlib.import_module(f"{__package__}.{module.name}")


_load_every_fuzz_module()
