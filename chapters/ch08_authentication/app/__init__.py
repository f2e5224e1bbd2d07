"""Chapter 8's app: ``uvicorn chapters.ch08_authentication.app.main:app``."""
