"""챕터 8의 애플리케이션: ``uvicorn chapters.ch08_authentication.app.main:app``."""
