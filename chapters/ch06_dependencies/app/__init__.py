"""Chapter 6's app: ``uvicorn chapters.ch06_dependencies.app.main:app``."""
