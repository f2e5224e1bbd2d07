"""Chapter 8 without its role check: every logged-in user opens the ``/admin`` routes.

The reference's routers, except that ``/admin`` is rebuilt without ``require_role("admin")``
(a login is still needed). Exactly the tests that expect a 403 must fail.
"""

from fastapi import APIRouter, Depends, FastAPI

from chapters.ch08_authentication.app import main as reference
from chapters.ch08_authentication.app.deps import get_current_user
from chapters.ch08_authentication.app.routers import admin, auth, protected, users

# The rest of the grading contract is the reference's.
Base = reference.Base
Settings = reference.Settings
create_user = reference.create_user
get_db = reference.get_db
get_settings = reference.get_settings

open_admin = APIRouter(prefix="/admin", tags=["admin"], responses=admin.router.responses)
open_admin.add_api_route("", admin.admin_home, methods=["GET"])
open_admin.add_api_route("/users", admin.list_users, methods=["GET"])

app = FastAPI(title=reference.app.title, version=reference.app.version)
for router in (auth.router, users.router, protected.router):
    app.include_router(router)
app.include_router(open_admin, dependencies=[Depends(get_current_user)])
