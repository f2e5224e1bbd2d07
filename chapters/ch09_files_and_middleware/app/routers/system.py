"""``/health``와 ``/request-id``: 미들웨어가 더하는 것을 보여 주는 작은 라우트."""

from fastapi import APIRouter, Request

router = APIRouter(tags=["system"])


@router.get("/health", summary="헬스 체크")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/request-id", summary="이 요청의 ID")
def read_request_id(request: Request) -> dict[str, str]:
    """미들웨어가 이 요청에 준 id를 라우트가 보는 그대로(``request.state``) 돌려줍니다."""
    return {"request_id": request.state.request_id}
