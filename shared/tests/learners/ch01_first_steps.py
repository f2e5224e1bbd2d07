"""챕터 1을 읽은 학습자의 풀이: FastAPI 첫걸음 예제에 헬스 체크와 제목을 더했다."""

from fastapi import FastAPI

app = FastAPI(title="나의 첫 FastAPI 앱")


@app.get("/")
async def root():
    return {"message": "안녕하세요!"}


@app.get("/health")
async def health():
    return {"status": "ok"}
