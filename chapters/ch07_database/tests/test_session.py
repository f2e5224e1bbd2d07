"""Chapter 7: ``get_db`` gives each request a session and always closes it (``yield``)."""

import inspect
from types import ModuleType

import pytest
from sqlalchemy.orm import Session


def test_get_db_yields_a_session_and_closes_it(solution: ModuleType) -> None:
    assert inspect.isgeneratorfunction(solution.get_db)
    dependency = solution.get_db()
    session = next(dependency)
    assert isinstance(session, Session)
    session.begin()  # a transaction, not yet a connection: no file is touched
    with pytest.raises(StopIteration):
        next(dependency)
    assert not session.in_transaction()


def test_get_db_closes_the_session_when_the_request_fails(solution: ModuleType) -> None:
    dependency = solution.get_db()
    session = next(dependency)
    session.begin()
    with pytest.raises(RuntimeError, match="endpoint failed"):
        dependency.throw(RuntimeError("endpoint failed"))
    assert not session.in_transaction()
