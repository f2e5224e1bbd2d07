"""Chapter 4 with the ``/users`` routes stripped of ``response_model``: the stored hash leaks.

The same endpoints, status codes and store; only the response model that filters ``UserInDB``
down to ``UserOut`` is gone, so exactly the "password never leaves" tests must fail.
"""

from fastapi import APIRouter, FastAPI

from chapters.ch04_response_models.app import main as reference
from chapters.ch04_response_models.app.routers import catalog, preferences, users, vehicles

get_user_store = reference.get_user_store

leaky_users = APIRouter(tags=["users"])
for route in users.router.routes:
    leaky_users.add_api_route(
        route.path,
        route.endpoint,
        methods=list(route.methods),
        status_code=route.status_code,
        responses=route.responses,
        response_model=None,  # the endpoints return UserInDB: hashed_password and all
        name=route.name,
    )

app = FastAPI(lifespan=reference.lifespan)
app.exception_handlers.update(reference.app.exception_handlers)
for router in (catalog.router, vehicles.router, leaky_users, preferences.router):
    app.include_router(router)
