"""테스트가 보내는 요청 본문과, 그에 대한 API의 응답(id를 알기 전)."""

MINIMAL = {"name": "무선 키보드", "price": 59000}
MINIMAL_STORED = {
    **MINIMAL,
    "discount_price": None,
    "description": None,
    "tags": [],
    "images": [],
}
