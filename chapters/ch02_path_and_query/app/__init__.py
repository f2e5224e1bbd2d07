"""Chapter 2's app: ``uvicorn chapters.ch02_path_and_query.app.main:app``."""
