"""``/health`` and ``/request-id``: small routes that show what the middleware adds."""

from fastapi import APIRouter, Request

router = APIRouter(tags=["system"])


@router.get("/health", summary="헬스 체크")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/request-id", summary="이 요청의 ID")
def read_request_id(request: Request) -> dict[str, str]:
    """The id the middleware gave this request, as the route sees it (``request.state``)."""
    return {"request_id": request.state.request_id}
