"""Chapter 8 — authentication and security, written as one tutorial-style module.

Run it with:

    SECRET_KEY=$(python -c "import secrets; print(secrets.token_urlsafe(32))") \
        uvicorn solution:app

Users live in SQLite (SQLAlchemy), passwords are argon2id hashes (pwdlib), login is
the OAuth2 password flow (form data) and gives out HS256 JWTs (PyJWT) that carry
``sub`` (the username), ``iat`` and ``exp``.
"""

from __future__ import annotations

import logging
import secrets
import threading
import warnings
from contextlib import asynccontextmanager
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

import jwt
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request, status
from fastapi.exception_handlers import http_exception_handler
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import String, create_engine, func, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("ch08.solution")

HERE = Path(__file__).resolve().parent
DEFAULT_DATABASE_URL = f"sqlite:///{HERE / 'data' / 'users.db'}"
ALGORITHM = "HS256"


# --------------------------------------------------------------------------- settings


class Settings(BaseSettings):
    """Everything the app reads from the environment (no .env file)."""

    model_config = SettingsConfigDict(extra="ignore")

    secret_key: SecretStr | None = None
    access_token_expire_minutes: int = Field(default=30, ge=1)
    database_url: str = DEFAULT_DATABASE_URL
    first_admin_username: str | None = None
    first_admin_password: SecretStr | None = None

    @field_validator("secret_key", mode="before")
    @classmethod
    def _key_is_long_enough(cls, value):
        if value is None:
            return None
        raw = value.get_secret_value() if isinstance(value, SecretStr) else value
        if not isinstance(raw, str) or len(raw) < 32:
            raise ValueError(
                "SECRET_KEY는 32자 이상이어야 합니다 (SECRET_KEY must be at least 32 characters)"
            )
        return raw

    @model_validator(mode="after")
    def _fill_in_key_and_check_admin(self):
        if (self.first_admin_username is None) != (self.first_admin_password is None):
            raise ValueError(
                "FIRST_ADMIN_USERNAME과 FIRST_ADMIN_PASSWORD는 둘 다 주거나 둘 다 주지 않아야 합니다 "
                "(set both FIRST_ADMIN_USERNAME and FIRST_ADMIN_PASSWORD, or neither)"
            )
        if self.secret_key is None:
            self.secret_key = SecretStr(secrets.token_urlsafe(32))
            message = (
                "SECRET_KEY가 없어 이 프로세스만의 무작위 키를 씁니다. 다시 켜면 토큰이 무효가 됩니다 "
                "(SECRET_KEY is not set: using a random per-process key; tokens die with the process)"
            )
            log.warning(message)
            warnings.warn(message, UserWarning, stacklevel=2)
        return self


@lru_cache
def get_settings() -> Settings:
    return Settings()


SettingsDep = Annotated[Settings, Depends(get_settings)]


# --------------------------------------------------------------------------- database


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True, index=True)
    hashed_password: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="user")


_engine: Engine | None = None
_SessionLocal: sessionmaker[Session] | None = None
_engine_lock = threading.Lock()


def _make_engine(url: str) -> Engine:
    parsed = make_url(url)
    kwargs: dict = {"hide_parameters": True}
    if parsed.get_backend_name() == "sqlite":
        kwargs["connect_args"] = {"check_same_thread": False}
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(url, **kwargs)


def _create_first_admin(engine: Engine, settings: Settings) -> None:
    if settings.first_admin_username is None or settings.first_admin_password is None:
        return
    with Session(engine) as db:
        found = db.scalar(select(User).where(User.username == settings.first_admin_username))
        if found is not None:
            return
        db.add(
            User(
                username=settings.first_admin_username,
                hashed_password=password_hash.hash(settings.first_admin_password.get_secret_value()),
                role="admin",
            )
        )
        try:
            db.commit()
        except IntegrityError:  # another worker made it first
            db.rollback()


def get_session_factory() -> sessionmaker[Session]:
    """Build the engine the first time it is needed (once per process, under a lock)."""
    global _engine, _SessionLocal
    if _SessionLocal is None:
        with _engine_lock:
            if _SessionLocal is None:
                settings = get_settings()
                engine = _make_engine(settings.database_url)
                Base.metadata.create_all(engine)
                _create_first_admin(engine, settings)
                _engine = engine
                _SessionLocal = sessionmaker(bind=engine, expire_on_commit=False)
    return _SessionLocal


def get_db():
    db = get_session_factory()()
    try:
        yield db
    finally:
        db.close()


DbDep = Annotated[Session, Depends(get_db)]


# --------------------------------------------------------------------------- security

password_hash = PasswordHash((Argon2Hasher(),))
dummy_hash = password_hash.hash("not a real password, only for timing")

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="login", auto_error=False)


def create_token(username: str, settings: Settings) -> str:
    now = datetime.now(timezone.utc)
    claims = {
        "sub": username,
        "iat": now,
        "exp": now + timedelta(minutes=settings.access_token_expire_minutes),
    }
    return jwt.encode(claims, settings.secret_key.get_secret_value(), algorithm=ALGORITHM)


def bad_token() -> HTTPException:
    return HTTPException(
        status_code=status.HTTP_401_UNAUTHORIZED,
        detail="인증 정보를 확인할 수 없습니다 (Could not validate credentials)",
        headers={"WWW-Authenticate": "Bearer"},
    )


def get_current_user(
    token: Annotated[str | None, Depends(oauth2_scheme)],
    db: DbDep,
    settings: SettingsDep,
) -> User:
    if not token:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="로그인이 필요합니다 (Not authenticated)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    try:
        payload = jwt.decode(
            token,
            settings.secret_key.get_secret_value(),
            algorithms=[ALGORITHM],
            options={"require": ["exp", "sub"]},
        )
    except jwt.InvalidTokenError:
        raise bad_token() from None
    username = payload.get("sub")
    if not isinstance(username, str):
        raise bad_token()
    user = db.scalar(select(User).where(User.username == username))
    if user is None:
        raise bad_token()
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def require_role(role: str):
    def check_role(user: CurrentUser) -> User:
        if user.role != role:
            raise HTTPException(
                status_code=status.HTTP_403_FORBIDDEN,
                detail=f"권한이 없습니다: '{role}' 역할이 필요합니다 (Not enough permissions: '{role}' role required)",
            )
        return user

    return check_role


# --------------------------------------------------------------------------- schemas


class UserCreate(BaseModel):
    username: str = Field(min_length=3, max_length=32, pattern=r"^[A-Za-z0-9_.-]+$")
    password: str = Field(min_length=8, max_length=128)


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    username: str
    role: str


class Token(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"


class Message(BaseModel):
    message: str
    username: str


class AdminInfo(BaseModel):
    message: str
    user_count: int


class ErrorDetail(BaseModel):
    detail: str


NEEDS_TOKEN = {
    401: {"model": ErrorDetail, "description": "토큰이 없거나 유효하지 않음 (Not authenticated)"}
}
NEEDS_ADMIN = {
    **NEEDS_TOKEN,
    403: {"model": ErrorDetail, "description": "역할이 없음 (Not enough permissions)"},
}


# --------------------------------------------------------------------------- app


@asynccontextmanager
async def lifespan(app: FastAPI):
    get_settings()  # read the environment at start-up, so a missing SECRET_KEY warns now
    yield


app = FastAPI(title="Chapter 8: authentication", lifespan=lifespan)


@app.exception_handler(StarletteHTTPException)
async def readable_http_errors(request: Request, exc: StarletteHTTPException):
    # FastAPI answers an undecodable (non UTF-8) JSON body with this English-only detail.
    if exc.status_code == 400 and exc.detail == "There was an error parsing the body":
        exc = HTTPException(
            status_code=400,
            detail="본문을 읽을 수 없습니다: UTF-8 JSON이어야 합니다 (There was an error parsing the body)",
        )
    return await http_exception_handler(request, exc)


@app.post(
    "/users",
    status_code=status.HTTP_201_CREATED,
    response_model=UserOut,
    responses={
        400: {"model": ErrorDetail, "description": "UTF-8이 아닌 본문 (Body is not UTF-8)"},
        409: {"model": ErrorDetail, "description": "이미 있는 아이디 (Username already registered)"},
    },
)
def create_user(new_user: UserCreate, db: DbDep):
    # No "is it free?" check first: the unique constraint decides, even under races.
    user = User(username=new_user.username, hashed_password=password_hash.hash(new_user.password), role="user")
    db.add(user)
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        raise HTTPException(
            status_code=status.HTTP_409_CONFLICT,
            detail="이미 있는 아이디입니다 (Username already registered)",
        ) from None
    return UserOut(id=user.id, username=user.username, role=user.role)


@app.post(
    "/login",
    response_model=Token,
    responses={401: {"model": ErrorDetail, "description": "틀린 아이디나 비밀번호 (Incorrect username or password)"}},
)
def login(form: Annotated[OAuth2PasswordRequestForm, Depends()], db: DbDep, settings: SettingsDep):
    user = db.scalar(select(User).where(User.username == form.username))
    if user is None:
        password_hash.verify(form.password, dummy_hash)  # same work, same timing
        ok = False
    else:
        ok = password_hash.verify(form.password, user.hashed_password)
    if not ok:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="아이디나 비밀번호가 틀렸습니다 (Incorrect username or password)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return Token(access_token=create_token(user.username, settings))


@app.get("/users/me", response_model=UserOut, responses=NEEDS_TOKEN)
def read_users_me(current_user: CurrentUser):
    return UserOut.model_validate(current_user)


@app.get("/protected", response_model=Message, responses=NEEDS_TOKEN)
def protected(current_user: CurrentUser):
    return Message(message=f"안녕하세요, {current_user.username}님 (Hello, {current_user.username})",
                   username=current_user.username)


admin_router = APIRouter(
    prefix="/admin",
    tags=["admin"],
    dependencies=[Depends(require_role("admin"))],
    responses=NEEDS_ADMIN,
)


@admin_router.get("", response_model=AdminInfo)
def admin_home(db: DbDep):
    count = db.scalar(select(func.count()).select_from(User))
    return AdminInfo(message="관리자 영역입니다 (Welcome, admin)", user_count=count)


@admin_router.get("/users", response_model=list[UserOut])
def admin_list_users(db: DbDep):
    return [UserOut.model_validate(u) for u in db.scalars(select(User).order_by(User.id))]


app.include_router(admin_router)
