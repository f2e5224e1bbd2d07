"""``overridden``: swap dependencies for one test and put back exactly what was there before.

``app.dependency_overrides`` belongs to the app, which lives for the whole test session: a
test that clears it removes overrides that are not its own (a fixture's, an outer test's), and
a test that forgets to undo its own leaks them into the next test. This does neither.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

Overrides = dict[Callable[..., Any], Callable[..., Any]]


@contextlib.contextmanager
def overridden(
    app: Any, replacements: Mapping[Callable[..., Any], Callable[..., Any]] | None = None
) -> Iterator[Overrides]:
    """Add ``replacements`` to ``app.dependency_overrides``; on exit, even after an error, put
    back the overrides as they were on entry. Yields the live dict: changes made through it
    inside the block are undone too."""
    original = dict(app.dependency_overrides)
    app.dependency_overrides.update(replacements or {})
    try:
        yield app.dependency_overrides
    finally:
        app.dependency_overrides.clear()
        app.dependency_overrides.update(original)
