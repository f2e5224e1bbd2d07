"""챕터 4의 앱: ``uvicorn chapters.ch04_response_models.app.main:app``."""
