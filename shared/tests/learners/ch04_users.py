"""챕터 4 README만 읽은 학습자의 풀이: 응답 모델, 201/204, 쿠키와 헤더.

한 파일에 모았고, 사용자는 모듈 변수 `fake_users_db`에 둡니다(`get_user_store` 의존성도,
lifespan도, 422에서 `input`을 빼는 처리도, 400 문서화도 없습니다).
"""

from typing import Annotated, Any, Literal

from fastapi import Cookie, FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from pwdlib import PasswordHash
from pydantic import BaseModel, EmailStr, Field

app = FastAPI()

password_hash = PasswordHash.recommended()


class Item(BaseModel):
    name: str
    description: str | None = None
    price: int
    tax: int | None = None
    tags: list[str] = []


items = {
    "keyboard": {"name": "기계식 키보드", "price": 89000, "cost": 52000},
    "mouse": {
        "name": "무선 마우스",
        "description": "저소음 클릭",
        "price": 32000,
        "tax": 3200,
        "tags": ["무선", "사무용"],
        "cost": 18000,
    },
    "cable": {
        "name": "USB-C 케이블",
        "description": None,
        "price": 9900,
        "tax": None,
        "tags": [],
        "cost": 2500,
    },
}


@app.get("/items", response_model=list[Item])
def read_items(response: Response, tag: Annotated[str | None, Query(max_length=30)] = None) -> Any:
    found = [item for item in items.values() if tag is None or tag in item.get("tags", [])]
    response.headers["X-Total-Count"] = str(len(found))
    return found


@app.get("/items/{item_id}", response_model=Item, response_model_exclude_unset=True)
def read_item(item_id: str) -> Any:
    if item_id not in items:
        raise HTTPException(status_code=404, detail=f"상품이 없습니다: {item_id}")
    return items[item_id]


@app.get("/keyword-weights", response_model=dict[str, float])
def read_keyword_weights() -> Any:
    return {"키보드": 2.5, "마우스": 1.8, "케이블": 0.4}


class Car(BaseModel):
    type: Literal["car"]
    description: str


class Plane(BaseModel):
    type: Literal["plane"]
    description: str
    size: int


vehicles = {
    1: {"type": "car", "description": "출퇴근용 소형차"},
    2: {"type": "plane", "description": "제주행 여객기", "size": 180},
}


@app.get("/vehicles/{vehicle_id}", response_model=Plane | Car)
def read_vehicle(vehicle_id: int) -> Any:
    if vehicle_id not in vehicles:
        raise HTTPException(status_code=404, detail="차량이 없습니다")
    return vehicles[vehicle_id]


class UserBase(BaseModel):
    username: str = Field(min_length=3, max_length=20, pattern=r"^[a-z0-9_]+$")
    email: EmailStr
    full_name: str | None = Field(default=None, max_length=50)


class UserIn(UserBase):
    password: str = Field(min_length=8)


class UserOut(UserBase):
    pass


class UserInDB(UserBase):
    hashed_password: str


fake_users_db: dict[str, UserInDB] = {}


@app.post("/users", response_model=UserOut, status_code=201)
def create_user(user_in: UserIn, request: Request, response: Response) -> Any:
    if user_in.username in fake_users_db:
        raise HTTPException(status_code=409, detail=f"이미 있는 이름입니다: {user_in.username}")
    user = UserInDB(
        **user_in.model_dump(exclude={"password"}),
        hashed_password=password_hash.hash(user_in.password),
    )
    fake_users_db[user.username] = user
    response.headers["Location"] = str(request.url_for("read_user", username=user.username))
    return user


@app.get("/users", response_model=list[UserOut])
def read_users() -> Any:
    return sorted(fake_users_db.values(), key=lambda user: user.username)


@app.get("/users/{username}", response_model=UserOut)
def read_user(username: str) -> Any:
    if username not in fake_users_db:
        raise HTTPException(status_code=404, detail=f"사용자가 없습니다: {username}")
    return fake_users_db[username]


@app.delete("/users/{username}", status_code=204)
def delete_user(username: str) -> None:
    if username not in fake_users_db:
        raise HTTPException(status_code=404, detail=f"사용자가 없습니다: {username}")
    del fake_users_db[username]


class ThemeChoice(BaseModel):
    theme: Literal["light", "dark"]


@app.put("/preferences/theme")
def set_theme(choice: ThemeChoice, response: Response) -> ThemeChoice:
    response.set_cookie("theme", choice.theme, max_age=60 * 60 * 24 * 30, httponly=True)
    return choice


@app.get("/preferences/theme")
def read_theme(theme: Annotated[str | None, Cookie()] = None) -> ThemeChoice:
    if theme not in ("light", "dark"):
        theme = "light"
    return ThemeChoice(theme=theme)


@app.delete("/preferences/theme", status_code=204)
def reset_theme(response: Response) -> None:
    response.delete_cookie("theme", httponly=True)


@app.get("/notice")
def read_notice() -> JSONResponse:
    return JSONResponse(
        content={"notice": "토요일에 점검이 있습니다."},
        headers={"Cache-Control": "no-store", "Content-Language": "ko"},
    )
