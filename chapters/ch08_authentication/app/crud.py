"""데이터베이스의 사용자: 찾기, 추가하기, 비밀번호 확인하기."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import User
from .security import dummy_hash, hash_password, verify_password


def get_user_by_username(db: Session, username: str) -> User | None:
    return db.scalars(select(User).where(User.username == username)).first()


def create_user(db: Session, username: str, password: str, role: str = "user") -> User:
    """비밀번호의 argon2 해시로 새 사용자를 저장합니다(있는 아이디면 ``IntegrityError``)."""
    user = User(username=username, hashed_password=hash_password(password), role=role)
    db.add(user)
    db.commit()
    db.refresh(user)
    return user


def authenticate_user(db: Session, username: str, password: str) -> User | None:
    """비밀번호가 맞으면 그 사용자, 틀린 비밀번호나 없는 아이디면 ``None``입니다."""
    user = get_user_by_username(db, username)
    if user is None:
        verify_password(password, dummy_hash())  # 진짜 확인과 같은 일: 응답 시간이 단서가 되지 않음
        return None
    return user if verify_password(password, user.hashed_password) else None
