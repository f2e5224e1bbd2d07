"""챕터 5의 앱: ``uvicorn chapters.ch05_crud_and_errors.app.main:app``."""
