"""실제 uvicorn 프로세스를 띄우는 도구: ``tmp_path``의 DB로 띄운 풀이의 서버, SQL 로그를 켜는 환경.

``test_real_database.py``와 ``test_simultaneous_creates.py``가 함께 씁니다.
"""

import json
from pathlib import Path

from shared.testing import Solution, run_uvicorn


def serve(solution: Solution, tmp_path: Path, **env: str):
    """A real uvicorn on the graded solution with its database in ``tmp_path`` (cwd too)."""
    database = f"sqlite:///{(tmp_path / 'items.db').as_posix()}"
    return run_uvicorn(
        solution.target,
        env={**solution.pythonpath, "DATABASE_URL": database, **env},
        cwd=tmp_path,
        log_path=tmp_path / "uvicorn.log",
    )


def sql_logging(tmp_path: Path) -> dict[str, str]:
    """The environment of a uvicorn that logs every SQL statement (``sqlalchemy.engine`` INFO),
    as someone tracking a bug down would turn it on (``--log-config``, here by its variable)."""
    config = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": "%(levelname)s %(name)s: %(message)s"}},
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
        "root": {"level": "INFO", "handlers": ["console"]},
        "loggers": {"sqlalchemy.engine": {"level": "INFO"}},
    }
    path = tmp_path / "logging.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return {"UVICORN_LOG_CONFIG": str(path)}
