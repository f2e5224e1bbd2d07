"""The store's own exceptions: they say what went wrong in the domain, nothing about HTTP.

The routes turn ``DuplicateNameError`` into an ``HTTPException`` (409) themselves; for
``OutOfStockError`` the app registers a handler instead (see ``error_handlers.py``), so any code
anywhere may raise it and the answer is always the same.
"""


class DuplicateNameError(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class OutOfStockError(Exception):
    def __init__(self, item_id: int, requested: int, available: int) -> None:
        super().__init__(item_id, requested, available)
        self.item_id = item_id
        self.requested = requested
        self.available = available
