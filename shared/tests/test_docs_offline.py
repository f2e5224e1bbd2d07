"""``/docs`` and ``/redoc`` offline (``nox -s serve``): headless Chromium, no address but loopback.

The browser resolves every host name to nothing except 127.0.0.1, so a page that needs a CDN
renders no operation: that is checked too, on the app's own ``/docs``, so the cut is real.
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from shared.docs_offline import PREFIX, OfflineDocs, load
from shared.grading import pages
from shared.grading.chapters import all_chapters
from shared.testing.servers import free_port, run_server, uvicorn_command

# Nothing resolves but loopback: the CDN of FastAPI's default pages is out of reach.
NO_NETWORK = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"
# In the browser: the first chapter and the largest (every chapter's pages: the test above).
CHAPTERS = {
    "ch01": "chapters.ch01_getting_started.app.main:app",
    "ch10": "chapters.ch10_background_tasks_and_testing.app.main:app",
}


def rendered(url: str) -> str:
    exe = pages.browser()
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"no Chromium: {pages.INSTALL_HINT}")
        pytest.skip(f"no Chromium: {pages.INSTALL_HINT}")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [
                exe,
                *pages.FLAGS,
                NO_NETWORK,
                f"--user-data-dir={profile}",
                "--virtual-time-budget=15000",  # let the scripts fetch the schema and render
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=90,
            check=True,
        )
    return done.stdout


@pytest.mark.parametrize("chapter", all_chapters(), ids=lambda c: c.key)
def test_the_docs_pages_point_at_assets_served_here(chapter) -> None:
    """Every chapter: both pages name only assets this process serves; the app is unchanged.

    No lifespan (no ``with``): the pages and the schema need no database."""
    app = load(f"{chapter.module}:app")
    client = TestClient(OfflineDocs(app))
    docs = client.get(app.docs_url or "")
    redoc = client.get(app.redoc_url or "")
    assert docs.status_code == redoc.status_code == 200
    for page, asset in [(docs, "swagger-ui-bundle.js"), (redoc, "redoc.standalone.js")]:
        assert f"{PREFIX}/{asset}" in page.text
        assert "cdn." not in page.text
        assert client.get(f"{PREFIX}/{asset}").status_code == 200
    schema = client.get(app.openapi_url or "")
    assert schema.json()["paths"] == app.openapi()["paths"]  # the app itself, unchanged


@pytest.mark.timeout(240)
@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_swagger_ui_and_redoc_render_the_operations_without_internet(
    chapter: str, tmp_path: Path
) -> None:
    app = load(CHAPTERS[chapter])
    paths = sorted(app.openapi()["paths"])
    port = free_port()
    command = uvicorn_command("shared.docs_offline:create", port, "--factory")
    env = {  # what an app writes goes to tmp_path
        "DOCS_APP": CHAPTERS[chapter],
        "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}",
        "AUDIT_LOG_PATH": str(tmp_path / "audit.log"),
        "UPLOAD_DIR": str(tmp_path / "uploads"),
    }
    with run_server(command, log_path=tmp_path / "server.log", port=port, env=env) as server:
        swagger = rendered(f"{server.url}{app.docs_url}")
        redoc = rendered(f"{server.url}{app.redoc_url}")
        # The app's own page, through the same server but not wrapped: the CDN is out of reach.
        plain = httpx.get(f"{server.url}{app.openapi_url}").status_code
    shown = set(re.findall(r'class="opblock-summary-path"[^>]*data-path="([^"]+)"', swagger))
    assert shown >= set(paths), sorted(set(paths) - shown)
    assert all(path in redoc for path in paths)
    assert 'class="swagger-ui"' in swagger or "swagger-ui" in swagger
    assert plain == 200


def test_without_the_wrapper_the_page_is_blank_offline(tmp_path: Path) -> None:
    """The control: FastAPI's own /docs, its Swagger UI on a CDN, renders no operation here."""
    port = free_port()
    command = uvicorn_command(CHAPTERS["ch01"], port)
    with run_server(command, log_path=tmp_path / "server.log", port=port) as server:
        dom = rendered(f"{server.url}/docs")
    assert "opblock-summary-path" not in dom
