"""챕터 1의 앱: ``uvicorn chapters.ch01_getting_started.app.main:app``."""
