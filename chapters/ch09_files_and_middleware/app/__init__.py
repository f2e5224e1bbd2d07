"""챕터 9의 앱: ``uvicorn chapters.ch09_files_and_middleware.app.main:app``."""
