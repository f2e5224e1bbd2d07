"""Chapter 10's app: ``uvicorn chapters.ch10_background_tasks_and_testing.app.main:app``."""
