"""Chapter 3's app: ``uvicorn chapters.ch03_request_body.app.main:app``."""
