"""챕터 7의 앱: ``uvicorn chapters.ch07_database.app.main:app``."""
