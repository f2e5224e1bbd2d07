"""챕터 1: 첫 FastAPI 앱. 루트 경로, 헬스 체크, HTTP 메서드마다 하나의 경로 처리 함수.

실행: ``uvicorn chapters.ch01_getting_started.app.main:app --reload`` 후 ``/docs``를 여세요.
"""

from fastapi import FastAPI, status

from .metadata import DESCRIPTION, TAGS, TITLE, VERSION

app = FastAPI(
    title=TITLE,
    version=VERSION,
    description=DESCRIPTION,
    openapi_tags=TAGS,
)


@app.get("/", tags=["basics"], summary="첫 번째 엔드포인트")
def read_root() -> dict[str, str]:
    """가장 작은 경로 처리 함수: ``GET /``에 JSON으로 답합니다."""
    return {"message": "안녕하세요, FastAPI!"}


@app.get("/health", tags=["health"], summary="헬스 체크")
def health() -> dict[str, str]:
    """로드 밸런서나 배포 스크립트가 앱이 살아 있는지 확인하는 곳입니다."""
    return {"status": "ok"}


# 경로 하나에 메서드마다 함수 하나: FastAPI는 (메서드, 경로)의 짝으로 요청을 보냅니다.
@app.get("/methods", tags=["methods"])
def on_get() -> dict[str, str]:
    return {"method": "GET", "meaning": "조회 (read)"}


@app.post("/methods", tags=["methods"], status_code=status.HTTP_201_CREATED)
def on_post() -> dict[str, str]:
    return {"method": "POST", "meaning": "생성 (create)"}


@app.put("/methods", tags=["methods"])
def on_put() -> dict[str, str]:
    return {"method": "PUT", "meaning": "전체 수정 (replace)"}


@app.patch("/methods", tags=["methods"])
def on_patch() -> dict[str, str]:
    return {"method": "PATCH", "meaning": "부분 수정 (update)"}


@app.delete("/methods", tags=["methods"], status_code=status.HTTP_204_NO_CONTENT)
def on_delete() -> None:
    """204 No Content: 성공했지만 본문은 비어 있습니다."""
