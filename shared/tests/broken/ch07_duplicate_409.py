"""Chapter 7 without the 409 for a taken name: the unique constraint's refusal becomes a 500.

The reference app's router and lifespan on a new app that lacks the exception handler turning
``DuplicateItemNameError`` into 409. The constraint itself stays in the table, so exactly the
tests expecting a 409 must fail.
"""

from fastapi import FastAPI

from chapters.ch07_database.app import main as reference
from chapters.ch07_database.app.main import Base, get_db  # the grading contract, unchanged
from chapters.ch07_database.app.routers import items

__all__ = ["Base", "app", "get_db"]

app = FastAPI(lifespan=reference.lifespan)
app.include_router(items.router)
