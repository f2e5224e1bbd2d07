"""Bodies the tests send, and what the API answers for them (before the id is known)."""

MINIMAL = {"name": "무선 키보드", "price": 59000}
MINIMAL_STORED = {
    **MINIMAL,
    "discount_price": None,
    "description": None,
    "tags": [],
    "images": [],
}
