"""챕터 7: ``get_db``는 요청마다 세션을 주고, ``yield`` 뒤에 언제나 닫는다."""

import inspect

import pytest
from sqlalchemy.orm import Session

from shared.testing import Solution

WHY = "세션을 여닫는 의존성을 직접 확인하려면 필요합니다"


def test_get_db_yields_a_session_and_closes_it(solution: Solution) -> None:
    """`get_db`는 `yield`로 `Session`을 하나 주고, 끝나면 닫는다."""
    get_db = solution.hook("get_db", WHY)
    assert inspect.isgeneratorfunction(get_db)
    dependency = get_db()
    session = next(dependency)
    assert isinstance(session, Session)
    session.begin()  # a transaction, not yet a connection: no file is touched
    with pytest.raises(StopIteration):
        next(dependency)
    assert not session.in_transaction()


def test_get_db_closes_the_session_when_the_request_fails(solution: Solution) -> None:
    """요청이 실패해도(`get_db` 안으로 예외가 던져져도) 세션은 닫힌다."""
    dependency = solution.hook("get_db", WHY)()
    session = next(dependency)
    session.begin()
    with pytest.raises(RuntimeError, match="endpoint failed"):
        dependency.throw(RuntimeError("endpoint failed"))
    assert not session.in_transaction()
