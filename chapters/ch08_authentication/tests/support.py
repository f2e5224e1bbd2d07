"""테스트가 함께 쓰는 상수와 작은 도구: 테스트용 키, 비밀번호, 손으로 만든 토큰."""

import time

import httpx
import jwt

from shared.testing import Solution

# Known to the tests, so that they can check and forge tokens; long enough for HS256.
TEST_SECRET_KEY = "test-only-secret-key-0123456789-abcdefghij"
OTHER_SECRET_KEY = "somebody-elses-secret-key-9876543210-zyxw"
TEST_EXPIRE_MINUTES = 15
PASSWORD = "correct-horse-battery"


def readable_detail(response: httpx.Response) -> bool:
    """The answer's ``detail`` is a non-empty string (the README: a readable string)."""
    detail = response.json().get("detail")
    return isinstance(detail, str) and bool(detail.strip())


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def make_token(
    sub: str | None, *, key: str = TEST_SECRET_KEY, expires_in: float | None = 600, **claims
) -> str:
    """An HS256 token built by hand: any subject, key or expiry (``None``: no ``exp`` claim)."""
    now = int(time.time())
    payload = {"iat": now, **claims}
    if sub is not None:
        payload["sub"] = sub
    if expires_in is not None:
        payload["exp"] = now + int(expires_in)
    return jwt.encode(payload, key, algorithm="HS256")


def has_test_database(solution: Solution) -> bool:
    """The suite can swap in its test database (``get_db`` and ``Base``)."""
    return solution.has("get_db") and solution.has("Base")


def has_test_settings(solution: Solution) -> bool:
    """The suite can swap in its settings (``get_settings`` and ``Settings``)."""
    return solution.has("get_settings") and solution.has("Settings")
