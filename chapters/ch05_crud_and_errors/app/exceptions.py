"""저장소의 도메인 예외: 무엇이 잘못됐는지만 말하고 HTTP는 모릅니다.

``DuplicateNameError``는 라우트가, ``OutOfStockError``는 등록된 처리기가 409로 바꿉니다.
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
