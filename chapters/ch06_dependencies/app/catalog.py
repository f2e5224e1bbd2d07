"""읽기 전용의 작은 상품 목록과, 열고 닫아야 하는 그 목록의 "연결".

연결은 데이터베이스 세션(챕터 7)을 대신하며, ``resources.py``의 ``yield`` 의존성이 여닫습니다.
"""

from pydantic import BaseModel


class Item(BaseModel):
    id: int
    name: str
    price: int


CATALOG: tuple[Item, ...] = tuple(
    Item(id=number, name=name, price=price)
    for number, (name, price) in enumerate(
        [
            ("연필", 500),
            ("색연필 12색", 6000),
            ("볼펜", 1000),
            ("지우개", 700),
            ("공책", 2000),
            ("형광펜", 1200),
            ("가위", 3500),
            ("풀", 900),
            ("자 30cm", 1500),
            ("USB 메모리 32GB", 9000),
            ("A4 용지", 5500),
            ("스테이플러", 4000),
        ],
        start=1,
    )
)


def search(term: str | None) -> list[Item]:
    """이름에 ``term``이 들어간 아이템(대소문자 무시); ``term``이 None이면 전부."""
    if term is None:
        return list(CATALOG)
    return [item for item in CATALOG if term in item.name.casefold()]


class ClosedConnectionError(RuntimeError):
    """의존성이 닫은 연결을 쓰는 것은 호출한 쪽의 버그입니다."""


class CatalogConnection:
    """번호가 붙은 상품 목록 연결: 닫힌 뒤에는 동작하지 않습니다."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.closed = False

    def get(self, item_id: int) -> Item | None:
        if self.closed:  # pragma: no cover - 요청이 끝난 뒤까지 연결을 쥐는 라우트는 없음
            raise ClosedConnectionError(f"connection {self.number} is closed")
        return next((item for item in CATALOG if item.id == item_id), None)

    def close(self) -> None:
        self.closed = True
