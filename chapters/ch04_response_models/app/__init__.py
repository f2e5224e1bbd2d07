"""Chapter 4's app: ``uvicorn chapters.ch04_response_models.app.main:app``."""
