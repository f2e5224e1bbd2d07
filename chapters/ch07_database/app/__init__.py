"""Chapter 7's app: ``uvicorn chapters.ch07_database.app.main:app``."""
