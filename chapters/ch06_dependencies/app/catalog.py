"""A small read-only catalogue, and a "connection" to it that must be opened and closed.

The connection stands in for a database session (chapter 7 has the real one): the ``yield``
dependency in ``resources.py`` opens it per request and closes it afterwards.
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
    """Every item whose name contains ``term`` (case-insensitive); all items when it is None."""
    if term is None:
        return list(CATALOG)
    return [item for item in CATALOG if term in item.name.casefold()]


class ClosedConnectionError(RuntimeError):
    """Using a connection after its dependency closed it is a bug in the caller."""


class CatalogConnection:
    """A numbered handle on the catalogue that refuses to work once closed."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.closed = False

    def get(self, item_id: int) -> Item | None:
        if self.closed:  # pragma: no cover - no route keeps a connection past its request
            raise ClosedConnectionError(f"connection {self.number} is closed")
        return next((item for item in CATALOG if item.id == item_id), None)

    def close(self) -> None:
        self.closed = True
