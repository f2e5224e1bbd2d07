"""A chapter's ``/docs`` and ``/redoc`` without internet, its ``app/`` unchanged.

FastAPI's docs pages load Swagger UI and ReDoc from a CDN: in a classroom without internet they
are blank. ``nox -s serve -- ch05`` runs the chapter's app wrapped in ``OfflineDocs``, which
answers the app's own ``docs_url`` and ``redoc_url`` with the same pages (FastAPI's
``get_swagger_ui_html`` and ``get_redoc_html``, as in FastAPI's self-hosting recipe) pointing
at the assets of the ``fastapi-offline`` package, served from this process. Everything else,
lifespan included, goes to the app as it is.

    DOCS_APP=chapters.ch05_crud_and_errors.app.main:app uvicorn --factory shared.docs_offline:create
"""

from __future__ import annotations

import importlib
import os
from importlib.resources import files
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

PREFIX = "/_offline_docs"
ASSETS = Path(str(files("fastapi_offline") / "static"))
FAVICON = "data:,"  # no request for an icon: FastAPI's default one is on the internet


class OfflineDocs:
    """ASGI wrapper: the app's docs pages with assets from this process, the rest unchanged."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.assets = StaticFiles(directory=ASSETS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            root = scope.get("root_path", "")
            path = scope["path"].removeprefix(root)
            if path.startswith(PREFIX + "/"):
                await self.assets({**scope, "root_path": root + PREFIX}, receive, send)
                return
            page = self.page(path, root)
            if page is not None:
                await page(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def page(self, path: str, root: str) -> Response | None:
        app = self.app
        if not app.openapi_url:
            return None
        openapi = root + app.openapi_url
        if path == app.docs_url:
            oauth2 = app.swagger_ui_oauth2_redirect_url
            return get_swagger_ui_html(
                openapi_url=openapi,
                title=f"{app.title} - Swagger UI",
                swagger_js_url=f"{root}{PREFIX}/swagger-ui-bundle.js",
                swagger_css_url=f"{root}{PREFIX}/swagger-ui.css",
                swagger_favicon_url=FAVICON,
                oauth2_redirect_url=root + oauth2 if oauth2 else None,
                init_oauth=app.swagger_ui_init_oauth,
                swagger_ui_parameters=app.swagger_ui_parameters,
            )
        if path == app.redoc_url:
            return get_redoc_html(
                openapi_url=openapi,
                title=f"{app.title} - ReDoc",
                redoc_js_url=f"{root}{PREFIX}/redoc.standalone.js",
                redoc_favicon_url=FAVICON,
                with_google_fonts=False,
            )
        return None


def load(target: str) -> Any:
    """``"package.module:attr"`` -> that object."""
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr or "app")


def create() -> OfflineDocs:
    """uvicorn's factory: the app named by ``DOCS_APP``, with its docs offline."""
    return OfflineDocs(load(os.environ["DOCS_APP"]))
