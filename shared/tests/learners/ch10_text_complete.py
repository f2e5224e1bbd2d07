"""챕터 10을 교재만 보고 쓴 풀이, 조금 더: 1절의 알림, SQLAlchemy로 저장하는 `/items`,
5절이 `from main import app, get_db`로 가져오는 `get_db`, 3절의 요청 옵션 예제가 부르는
`/login`(폼), `/protected`(Bearer 토큰), `/upload`(파일).

사용자는 교재 예제 그대로 `user`/`pass` 하나뿐이고, 설정(`get_settings`)과 메일 발송기
(`get_mailer`)는 따로 만들지 않았습니다.
"""

import time
from typing import Annotated

from fastapi import (
    BackgroundTasks,
    Depends,
    FastAPI,
    File,
    Form,
    HTTPException,
    Query,
    UploadFile,
)
from fastapi.security import OAuth2PasswordBearer
from pydantic import BaseModel, ConfigDict
from sqlalchemy import Integer, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool

# 개발용 메모리 DB (파일을 남기지 않습니다)
engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)


class Base(DeclarativeBase):
    pass


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, index=True)
    name: Mapped[str] = mapped_column(String(100))
    price: Mapped[int] = mapped_column(Integer)


Base.metadata.create_all(bind=engine)


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


SessionDep = Annotated[Session, Depends(get_db)]


app = FastAPI()


# ---------------------------------------------------------------- 1. BackgroundTasks


def send_email_notification(email: str, message: str):
    """이메일 발송 (시간이 오래 걸리는 작업)"""
    time.sleep(0.01)  # 이메일 발송 시뮬레이션 (교재는 3초)
    print(f"이메일 발송 완료: {email}")


@app.post("/send-notification")
async def send_notification(email: str, background_tasks: BackgroundTasks):
    background_tasks.add_task(send_email_notification, email, "환영합니다!")
    return {"message": "알림이 요청되었습니다"}


# ---------------------------------------------------------------- items


class ItemCreate(BaseModel):
    name: str
    price: int


class ItemUpdate(BaseModel):
    name: str | None = None
    price: int | None = None


class ItemResponse(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    price: int


def get_item_or_404(db: Session, item_id: int) -> Item:
    item = db.get(Item, item_id)
    if item is None:
        raise HTTPException(status_code=404, detail="아이템을 찾을 수 없습니다")
    return item


@app.get("/items", response_model=list[ItemResponse])
def read_items(
    db: SessionDep,
    page: Annotated[int, Query(ge=1)] = 1,
    size: Annotated[int, Query(ge=1, le=100)] = 10,
):
    return db.query(Item).order_by(Item.id).offset((page - 1) * size).limit(size).all()


@app.post("/items", response_model=ItemResponse, status_code=201)
def create_item(item: ItemCreate, db: SessionDep):
    db_item = Item(**item.model_dump())
    db.add(db_item)
    db.commit()
    db.refresh(db_item)
    return db_item


@app.get("/items/{item_id}", response_model=ItemResponse)
def read_item(item_id: int, db: SessionDep):
    return get_item_or_404(db, item_id)


@app.put("/items/{item_id}", response_model=ItemResponse)
def update_item(item_id: int, item: ItemCreate, db: SessionDep):
    db_item = get_item_or_404(db, item_id)
    db_item.name = item.name
    db_item.price = item.price
    db.commit()
    db.refresh(db_item)
    return db_item


@app.patch("/items/{item_id}", response_model=ItemResponse)
def patch_item(item_id: int, item: ItemUpdate, db: SessionDep):
    db_item = get_item_or_404(db, item_id)
    for key, value in item.model_dump(exclude_unset=True).items():
        setattr(db_item, key, value)
    db.commit()
    db.refresh(db_item)
    return db_item


@app.delete("/items/{item_id}", status_code=204)
def delete_item(item_id: int, db: SessionDep):
    db_item = get_item_or_404(db, item_id)
    db.delete(db_item)
    db.commit()


# ---------------------------------------------------------------- 3. 요청 옵션

fake_users_db = {"user": "pass"}
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="login")


@app.post("/login")
def login(username: Annotated[str, Form()], password: Annotated[str, Form()]):
    if fake_users_db.get(username) != password:
        raise HTTPException(
            status_code=401,
            detail="아이디 또는 비밀번호가 틀렸습니다",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return {"access_token": username, "token_type": "bearer"}


@app.get("/protected")
def protected(token: Annotated[str, Depends(oauth2_scheme)]):
    if token not in fake_users_db:
        raise HTTPException(
            status_code=401,
            detail="유효하지 않은 토큰입니다",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return {"message": f"안녕하세요, {token}님"}


@app.post("/upload")
async def upload(file: Annotated[UploadFile, File()]):
    content = await file.read()
    return {"filename": file.filename, "size": len(content)}
