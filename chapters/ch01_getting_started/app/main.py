"""Chapter 1: a first FastAPI app — a root route, a health check, one route per HTTP method.

Run it:  uvicorn chapters.ch01_getting_started.app.main:app --reload
   or:  fastapi dev chapters/ch01_getting_started/app/main.py
Then open http://127.0.0.1:8000/docs (Swagger UI) or /redoc; the schema is /openapi.json.
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
    """The smallest path operation: a GET on ``/`` that returns JSON."""
    return {"message": "안녕하세요, FastAPI!"}


@app.get("/health", tags=["health"], summary="헬스 체크")
def health() -> dict[str, str]:
    """What a load balancer or a deploy script polls to know the app is up."""
    return {"status": "ok"}


# One path, one function per HTTP method: FastAPI routes on the pair (method, path).
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
    """204 No Content: success with an empty body."""
