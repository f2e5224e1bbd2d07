"""Chapter 1 solution: a first FastAPI app, written tutorial-style in one file.

Run it:
    uvicorn solution:app --reload      (from this folder)
    fastapi dev solution.py
"""

from fastapi import FastAPI, status

description = """
A tiny first FastAPI app for the course.

* `GET /` says hello.
* `GET /health` is for load balancers.
* `/methods` answers each HTTP method with its own path operation function.
"""

tags_metadata = [
    {"name": "hello", "description": "The root greeting."},
    {"name": "ops", "description": "Health check for load balancers and deploy scripts."},
    {"name": "methods", "description": "One path, one function per HTTP method."},
]

app = FastAPI(
    title="My First FastAPI App",
    version="1.0.0",
    description=description,
    openapi_tags=tags_metadata,
)

MEANINGS = {
    "GET": "read a resource",
    "POST": "create a new resource",
    "PUT": "replace a resource",
    "PATCH": "partially update a resource",
    "DELETE": "remove a resource",
}


@app.get("/", tags=["hello"])
async def root():
    return {"message": "안녕하세요, FastAPI!"}


@app.get("/health", tags=["ops"])
async def health_check():
    return {"status": "ok"}


@app.get("/methods", tags=["methods"])
async def get_method():
    return {"method": "GET", "meaning": MEANINGS["GET"]}


@app.post("/methods", status_code=status.HTTP_201_CREATED, tags=["methods"])
async def post_method():
    return {"method": "POST", "meaning": MEANINGS["POST"]}


@app.put("/methods", tags=["methods"])
async def put_method():
    return {"method": "PUT", "meaning": MEANINGS["PUT"]}


@app.patch("/methods", tags=["methods"])
async def patch_method():
    return {"method": "PATCH", "meaning": MEANINGS["PATCH"]}


@app.delete("/methods", status_code=status.HTTP_204_NO_CONTENT, tags=["methods"])
async def delete_method() -> None:
    return None
