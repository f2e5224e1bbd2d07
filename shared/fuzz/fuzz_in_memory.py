"""Chapters 1 to 5 under the fuzzer: in-memory apps whose lifespan makes their state, per test.

One test function per chapter (``test_ch01`` ... ``test_ch05``), one case per operation of its
schema: ``nox -s fuzz -- shared/fuzz/fuzz_in_memory.py -k test_ch05`` fuzzes chapter 5 alone.
"""

import importlib
from collections.abc import Callable, Iterator

import pytest
import schemathesis

from shared.grading.chapters import resolve

from .harness import each_operation, fuzz, lifespan_stopped, schema_of

IN_MEMORY = ("ch01", "ch02", "ch03", "ch04", "ch05")


@pytest.fixture
def running() -> Iterator[None]:
    with lifespan_stopped():
        yield


def fuzz_test(key: str) -> Callable[..., None]:
    """``test_<key>``, parametrized with the operations of that chapter's schema."""
    app = importlib.import_module(resolve(key).module).app

    @each_operation(schema_of(app))
    def test(operation: schemathesis.APIOperation, running: None) -> None:
        fuzz(operation)

    test.__name__ = test.__qualname__ = f"test_{key}"
    return test


for _key in IN_MEMORY:
    globals()[f"test_{_key}"] = fuzz_test(_key)
