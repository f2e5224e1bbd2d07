"""테이블을 만들고, 설정에 첫 관리자가 있으면 그 계정도 만듭니다."""

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
                except IntegrityError:  # 그사이 다른 워커 프로세스가 만들었음
                    db.rollback()
