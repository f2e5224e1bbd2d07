"""Chapter 9's app: ``uvicorn chapters.ch09_files_and_middleware.app.main:app``."""
