"""As ``ch01_hangs``, but the sleep blocks the event loop (``async def`` + ``time.sleep``)."""

import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/")
async def root():
    time.sleep(3600)  # noqa: ASYNC251 - the learner's mistake this sample is about
    return {"message": "Hello World"}


@app.get("/health")
async def health():
    return {"status": "ok"}
