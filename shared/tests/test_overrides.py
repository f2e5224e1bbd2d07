"""``overridden``: one test's dependency overrides, and exactly the earlier ones after it."""

from typing import Annotated

import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from shared.testing import overridden


def real() -> str:
    return "real"


def someone_elses() -> str:
    return "someone else's"


def ours() -> str:
    return "ours"


@pytest.fixture
def app() -> FastAPI:
    app = FastAPI()

    @app.get("/")
    def read(value: Annotated[str, Depends(real)]) -> str:
        return value

    return app


def test_replacements_apply_inside_and_the_earlier_overrides_come_back(app: FastAPI) -> None:
    app.dependency_overrides[real] = someone_elses
    with overridden(app, {real: ours}), TestClient(app) as client:
        assert client.get("/").json() == "ours"
    assert app.dependency_overrides == {real: someone_elses}  # not cleared: put back


def test_changes_through_the_yielded_dict_are_undone_too(app: FastAPI) -> None:
    with overridden(app) as current:
        current[real] = ours
        assert app.dependency_overrides == {real: ours}
    assert app.dependency_overrides == {}


def test_overrides_are_restored_after_an_error(app: FastAPI) -> None:
    with pytest.raises(RuntimeError, match="boom"), overridden(app, {real: ours}):
        raise RuntimeError("boom")
    assert app.dependency_overrides == {}
