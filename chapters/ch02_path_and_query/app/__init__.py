"""챕터 2의 앱: ``uvicorn chapters.ch02_path_and_query.app.main:app``."""
