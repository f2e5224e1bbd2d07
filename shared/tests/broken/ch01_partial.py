"""Chapter 1 without its health check and without tags: a learner's unfinished solution.

Everything else is the reference app's, so exactly the health and tag tests must fail.
"""

import copy

from fastapi import FastAPI
from fastapi.routing import APIRoute

from chapters.ch01_getting_started.app import main as reference
from chapters.ch01_getting_started.app.metadata import DESCRIPTION, TITLE, VERSION

app = FastAPI(title=TITLE, version=VERSION, description=DESCRIPTION)

# Copies of the reference routes (the docs routes are the new app's own), minus /health, untagged.
for route in reference.app.router.routes:
    if isinstance(route, APIRoute) and route.path != "/health":
        untagged = copy.copy(route)
        untagged.tags = []
        app.router.routes.append(untagged)
