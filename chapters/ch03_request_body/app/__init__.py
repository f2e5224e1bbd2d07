"""챕터 3의 앱: ``uvicorn chapters.ch03_request_body.app.main:app``."""
