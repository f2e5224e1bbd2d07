"""Chapter 1's app: ``uvicorn chapters.ch01_getting_started.app.main:app``."""
