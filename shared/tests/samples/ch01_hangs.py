"""A chapter 1 whose ``GET /`` sleeps an hour; the rest as FastAPI's first steps."""

import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def root():
    time.sleep(3600)
    return {"message": "Hello World"}


@app.get("/health")
def health():
    return {"status": "ok"}
