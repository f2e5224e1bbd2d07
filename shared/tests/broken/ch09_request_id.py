"""Chapter 9 without its custom middleware: no ``X-Request-ID``, no ``X-Process-Time``.

The reference's routers and its other middleware (the body size limit, CORS), minus the one
added with ``@app.middleware("http")``. Exactly the request-id and timing tests must fail.
"""

from fastapi import FastAPI

from chapters.ch09_files_and_middleware.app import main as reference
from chapters.ch09_files_and_middleware.app.middleware import request_id_and_timing
from chapters.ch09_files_and_middleware.app.routers import files, forms, system

# The rest of the grading contract is the reference's.
Settings = reference.Settings
get_settings = reference.get_settings

app = FastAPI(
    title=reference.app.title,
    version=reference.app.version,
    openapi_tags=reference.app.openapi_tags,
)
app.exception_handlers = dict(reference.app.exception_handlers)  # the short 422 too
for router in (files.router, forms.router, system.router):
    app.include_router(router)
app.user_middleware = [
    middleware
    for middleware in reference.app.user_middleware
    if middleware.kwargs.get("dispatch") is not request_id_and_timing
]
