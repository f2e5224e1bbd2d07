"""요청 단위 캐싱: 같은 의존성을 두 번 요청해도, 따로 말하지 않으면 한 번만 실행됩니다."""

from fastapi import APIRouter

from ..nonces import FreshNonceDep, NonceDep, SignedNonceDep
from ..schemas import NonceReport

router = APIRouter(prefix="/nonces", tags=["caching"])


@router.get("/cached", summary="한 요청 안에서 한 번만 실행")
def cached(first: NonceDep, second: NonceDep, signed: SignedNonceDep) -> NonceReport:
    """``make_nonce``를 세 번(여기서 두 번, ``signed_nonce``에서 한 번) 요청해도 한 번 실행."""
    return NonceReport(first=first, second=second, via_sub_dependency=signed)


@router.get("/uncached", summary="use_cache=False: 다시 실행")
def uncached(first: NonceDep, second: FreshNonceDep) -> NonceReport:
    return NonceReport(first=first, second=second)
