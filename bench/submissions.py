"""A made-up class for the batch-grading benchmark: 6 learners x chapters 1-5, 30 submissions.

Four kinds of submission, each a single ``chNN.py`` in the learner's folder:

- ``complete``: our reference app, re-exported by a module that imports it
  (``from chapters.ch05_crud_and_errors.app.main import *``): full marks, the same code as ours.
- ``partial``: a small app as a learner who followed FastAPI's tutorial would write it, inline
  below: some tests pass, others fail.
- ``broken``: does not import (a syntax error, or an ``ImportError``): every test fails with one
  line.
- ``hanging``: a partial app one of whose endpoints sleeps an hour: the tests that call it time
  out, the rest is graded.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHAPTERS = {
    "ch01": "ch01_getting_started",
    "ch02": "ch02_path_and_query",
    "ch03": "ch03_request_body",
    "ch04": "ch04_response_models",
    "ch05": "ch05_crud_and_errors",
}
KINDS = ("complete", "partial", "broken", "hanging")

# learner -> the kind of each of chapters 1..5 (12 complete, 10 partial, 5 broken, 3 hanging)
CLASS = {
    "kim": ("complete", "complete", "complete", "complete", "complete"),
    "lee": ("complete", "complete", "complete", "partial", "partial"),
    "park": ("partial", "partial", "partial", "partial", "partial"),
    "choi": ("hanging", "complete", "partial", "complete", "broken"),
    "jung": ("broken", "hanging", "complete", "broken", "partial"),
    "kang": ("hanging", "broken", "broken", "partial", "complete"),
}


def complete(chapter: str) -> str:
    module = f"chapters.{CHAPTERS[chapter]}.app.main"
    return f"from {module} import *  # noqa: F403\nfrom {module} import app  # noqa: F401\n"


PARTIAL = {
    "ch01": (ROOT / "shared/tests/samples/ch01_first_steps.py").read_text(encoding="utf-8"),
    "ch02": '''\
"""경로 매개변수와 쿼리 매개변수: 목록과 상세만, 페이지도 카테고리도 아직 없다."""

from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException

app = FastAPI()

fake_items_db = [
    {"id": 1, "name": "파이썬 책", "category": "books", "price": 20000, "tags": ["python"]},
    {"id": 2, "name": "키보드", "category": "electronics", "price": 50000, "tags": ["office"]},
    {"id": 3, "name": "감귤", "category": "food", "price": 10000, "tags": ["과일"]},
]


def get_catalog():
    return fake_items_db


Catalog = Annotated[list[dict], Depends(get_catalog)]


@app.get("/items")
async def read_items(catalog: Catalog, skip: int = 0, limit: int = 10):
    return catalog[skip : skip + limit]


@app.get("/items/{item_id}")
async def read_item(item_id: int, catalog: Catalog):
    for item in catalog:
        if item["id"] == item_id:
            return item
    raise HTTPException(status_code=404, detail="Item not found")
''',
    "ch03": '''\
"""요청 본문: Pydantic 모델 하나로 만들고 읽는다."""

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()


class Item(BaseModel):
    name: str
    description: str | None = None
    price: float
    tax: float | None = None


items = {}


@app.post("/items", status_code=201)
async def create_item(item: Item):
    item_id = len(items) + 1
    items[item_id] = {"id": item_id, **item.model_dump()}
    return items[item_id]


@app.get("/items/{item_id}")
async def read_item(item_id: int):
    if item_id not in items:
        raise HTTPException(status_code=404, detail="Item not found")
    return items[item_id]
''',
    "ch04": '''\
"""응답 모델: 비밀번호를 돌려주지 않는 사용자 등록만 했다."""

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, EmailStr

app = FastAPI()


class UserIn(BaseModel):
    username: str
    password: str
    email: EmailStr
    full_name: str | None = None


class UserOut(BaseModel):
    username: str
    email: EmailStr
    full_name: str | None = None


users = {}


@app.post("/users", response_model=UserOut, status_code=201)
async def create_user(user: UserIn):
    users[user.username] = user
    return user


@app.get("/users/{username}", response_model=UserOut)
async def read_user(username: str):
    if username not in users:
        raise HTTPException(status_code=404, detail="User not found")
    return users[username]
''',
    "ch05": '''\
"""CRUD: 딕셔너리에 두는 아이템, 없으면 404."""

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()


class ItemIn(BaseModel):
    name: str
    price: int
    description: str | None = None
    stock: int = 0


items = {}
next_id = 1


@app.get("/items")
def read_items(page: int = 1, size: int = 10):
    start = (page - 1) * size
    return list(items.values())[start : start + size]


@app.get("/items/{item_id}")
def read_item(item_id: int):
    if item_id not in items:
        raise HTTPException(status_code=404, detail="Item not found")
    return items[item_id]


@app.post("/items", status_code=201)
def create_item(item: ItemIn):
    global next_id
    items[next_id] = {"id": next_id, **item.model_dump()}
    next_id += 1
    return items[next_id - 1]


@app.delete("/items/{item_id}", status_code=204)
def delete_item(item_id: int):
    if items.pop(item_id, None) is None:
        raise HTTPException(status_code=404, detail="Item not found")
''',
}

# The broken ones, by the chapter they were submitted for.
BROKEN = {
    "ch01": "from fastapi import FastApi\n\napp = FastApi()\n",  # ImportError: a typo
    "ch02": "import fastapi\nimport requests_html\n\napp = fastapi.FastAPI()\n",  # not installed
    "ch03": 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get("/items"\ndef f(): ...\n',
    "ch04": 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get("/users")\ndef u()\n',
    "ch05": 'from fastapi import FastAPI\n\napp = FastAPI(\n\n@app.get("/items")\ndef f(): ...\n',
}

HANGING = {
    # GET / sleeps an hour: test_root... and the `fastapi run` server test time out.
    "ch01": PARTIAL["ch01"]
    .replace("from fastapi import", "import time\n\nfrom fastapi import")
    .replace(
        'async def root():\n    return {"message": "Hello World"}',
        'def root():\n    time.sleep(3600)\n    return {"message": "Hello World"}',
    ),
    # GET /categories/{category} awaits an hour: the tests of the enum path time out.
    "ch02": PARTIAL["ch02"].replace("from typing", "import asyncio\nfrom typing")
    + """

@app.get("/categories/{category}")
async def read_category(category: str, catalog: Catalog):
    await asyncio.sleep(3600)
    return {"category": category, "items": []}
""",
}


def source(kind: str, chapter: str) -> str:
    if kind == "complete":
        return complete(chapter)
    if kind == "partial":
        return PARTIAL[chapter]
    if kind == "broken":
        return BROKEN[chapter]
    if kind == "hanging":
        return HANGING[chapter]
    raise ValueError(kind)


def write_class(folder: Path) -> dict[tuple[str, str], str]:
    """Write the 30 submissions under ``folder``; (learner, chapter) -> kind."""
    kinds = {}
    for learner, row in CLASS.items():
        (folder / learner).mkdir(parents=True)
        for chapter, kind in zip(CHAPTERS, row, strict=True):
            path = folder / learner / f"{chapter}.py"
            path.write_text(source(kind, chapter), encoding="utf-8")
            kinds[learner, chapter] = kind
    return kinds
