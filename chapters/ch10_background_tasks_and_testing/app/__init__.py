"""챕터 10의 앱: ``uvicorn chapters.ch10_background_tasks_and_testing.app.main:app``."""
