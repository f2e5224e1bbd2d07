"""챕터 6의 앱: ``uvicorn chapters.ch06_dependencies.app.main:app``."""
