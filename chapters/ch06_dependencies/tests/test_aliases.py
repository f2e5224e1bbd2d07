"""챕터 6: ``Annotated`` 별칭, 의존성을 한 번 선언해 여러 라우트가 다시 쓴다."""

import typing

from fastapi import params
from fastapi.testclient import TestClient

from shared.testing import Solution


def test_pagination_alias_is_annotated_with_depends(solution: Solution) -> None:
    """`PaginationDep`는 `Annotated[..., Depends(...)]` 별칭이다."""
    alias = solution.hook(
        "PaginationDep", "페이지 처리 의존성의 Annotated 별칭을 확인하려면 필요합니다"
    )
    assert typing.get_origin(alias) is typing.Annotated
    _, *metadata = typing.get_args(alias)
    assert any(isinstance(item, params.Depends) for item in metadata)


def test_routes_sharing_the_alias_share_its_parameters(client: TestClient) -> None:
    """`/items`와 `/search`는 같은 `page`/`size` 매개변수와 제한을 나눠 쓴다.

    두 라우트 모두 ``PaginationDep``를 선언한다: `/search`도 `/items`의 기본값과 제한을
    가진다(HTTP로 확인한다; ``/items``의 제한은 ``test_function_and_class.py``가 채점한다).
    """
    body = client.get("/search", params={"q": "x"}).json()
    assert (body["page"], body["size"]) == (1, 10)
    for bad in ({"page": 0}, {"size": 0}, {"size": 51}):
        response = client.get("/search", params=bad)
        assert response.status_code == 422, bad
        assert response.json()["detail"][0]["loc"] == ["query", next(iter(bad))]
