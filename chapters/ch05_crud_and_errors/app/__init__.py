"""Chapter 5's app: ``uvicorn chapters.ch05_crud_and_errors.app.main:app``."""
