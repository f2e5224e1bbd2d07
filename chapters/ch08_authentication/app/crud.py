"""Users in the database: look one up, add one, check a password."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import User
from .security import dummy_hash, hash_password, verify_password


def get_user_by_username(db: Session, username: str) -> User | None:
    return db.scalars(select(User).where(User.username == username)).first()


def create_user(db: Session, username: str, password: str, role: str = "user") -> User:
    """Store a new user with the password's argon2 hash (raises ``IntegrityError`` if taken)."""
    user = User(username=username, hashed_password=hash_password(password), role=role)
    db.add(user)
    db.commit()
    db.refresh(user)
    return user


def authenticate_user(db: Session, username: str, password: str) -> User | None:
    """The user if the password is right; ``None`` for a wrong password or an unknown user."""
    user = get_user_by_username(db, username)
    if user is None:
        verify_password(password, dummy_hash())  # same work as a real check: no timing hint
        return None
    return user if verify_password(password, user.hashed_password) else None
