"""Create the tables and, if the settings name one, the first admin account."""

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .config import Settings
from .crud import create_user, get_user_by_username
from .models import Base


def init_db(engine: Engine, settings: Settings) -> None:
    Base.metadata.create_all(engine)
    if settings.first_admin_username and settings.first_admin_password:
        with Session(engine) as db:
            if get_user_by_username(db, settings.first_admin_username) is None:
                try:
                    create_user(
                        db,
                        settings.first_admin_username,
                        settings.first_admin_password.get_secret_value(),
                        role="admin",
                    )
                except IntegrityError:  # another worker process created it in the meantime
                    db.rollback()
