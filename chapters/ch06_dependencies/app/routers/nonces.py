"""Per-request caching: the same dependency asked for twice runs once, unless told not to."""

from fastapi import APIRouter

from ..nonces import FreshNonceDep, NonceDep, SignedNonceDep
from ..schemas import NonceReport

router = APIRouter(prefix="/nonces", tags=["caching"])


@router.get("/cached", summary="한 요청 안에서 한 번만 실행")
def cached(first: NonceDep, second: NonceDep, signed: SignedNonceDep) -> NonceReport:
    """``make_nonce`` is asked for three times (twice here, once by ``signed_nonce``): one run."""
    return NonceReport(first=first, second=second, via_sub_dependency=signed)


@router.get("/uncached", summary="use_cache=False: 다시 실행")
def uncached(first: NonceDep, second: FreshNonceDep) -> NonceReport:
    return NonceReport(first=first, second=second)
