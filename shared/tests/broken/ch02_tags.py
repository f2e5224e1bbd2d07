"""Chapter 2 without its list query parameter: ``/items`` ignores every ``?tag=``.

The rest is the reference app's (its routers, its ``get_catalog``), so exactly the tests of the
tag filter must fail.
"""

from fastapi import APIRouter, FastAPI

from chapters.ch02_path_and_query.app import main as reference
from chapters.ch02_path_and_query.app.catalog import CatalogDep
from chapters.ch02_path_and_query.app.metadata import DESCRIPTION, TITLE, VERSION
from chapters.ch02_path_and_query.app.models import Page
from chapters.ch02_path_and_query.app.pagination import DEFAULT_SIZE, PageQuery, SizeQuery
from chapters.ch02_path_and_query.app.routers import categories, items, search

get_catalog = reference.get_catalog  # the same dependency, so the suite's override still applies

router = APIRouter(prefix="/items", tags=["items"])


@router.get("")
def list_items(
    catalog: CatalogDep,
    sort: items.SortQuery = None,
    page: PageQuery = 1,
    size: SizeQuery = DEFAULT_SIZE,
) -> Page:
    """The reference list with no ``tag`` parameter: every item, whatever the query says."""
    return items.list_items(catalog, tag=[], sort=sort, page=page, size=size)


router.add_api_route(
    "/{item_id}", items.read_item, methods=["GET"], responses={404: {"description": "없는 상품"}}
)

app = FastAPI(title=TITLE, version=VERSION, description=DESCRIPTION)
app.include_router(router)
app.include_router(categories.router)
app.include_router(search.router)
