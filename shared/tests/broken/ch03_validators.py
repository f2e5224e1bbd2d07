"""Chapter 3 without its custom validators: names keep their blanks, tags are not normalized,
and a discount may reach the price.

Its ``Item`` has the reference fields, ``Field`` constraints and examples, minus the
``field_validator``s and the ``model_validator``; its routes hand it to the reference handlers,
so exactly the validator tests must fail.
"""

from typing import Annotated

from fastapi import APIRouter, Body, FastAPI, status

from chapters.ch03_request_body.app import main as reference
from chapters.ch03_request_body.app import schemas
from chapters.ch03_request_body.app.examples import REPLACE_EXAMPLES
from chapters.ch03_request_body.app.metadata import DESCRIPTION, TITLE, VERSION
from chapters.ch03_request_body.app.routers import items
from chapters.ch03_request_body.app.store import StoreDep


class Item(schemas.ItemBase):
    model_config = schemas.Item.model_config


router = APIRouter(prefix="/items", tags=["items"])


@router.post("", status_code=status.HTTP_201_CREATED, responses=items.UNREADABLE_BODY)
def create_item(item: Item, store: StoreDep) -> schemas.ItemOut:
    return items.create_item(item, store)


@router.post("/bulk", status_code=status.HTTP_201_CREATED, responses=items.UNREADABLE_BODY)
def create_items(
    bodies: Annotated[list[Item], Body(min_length=1, max_length=items.MAX_BULK)], store: StoreDep
) -> list[schemas.ItemOut]:
    return items.create_items(bodies, store)


@router.put("/{item_id}", responses=items.NOT_FOUND | items.UNREADABLE_BODY)
def replace_item(
    item_id: items.ItemId,
    item: Annotated[Item, Body(openapi_examples=REPLACE_EXAMPLES)],
    store: StoreDep,
    dry_run: items.DryRun = False,
) -> schemas.ItemOut:
    return items.replace_item(item_id, item, store, dry_run)


router.add_api_route("", items.list_items, methods=["GET"])
router.add_api_route("/{item_id}", items.read_item, methods=["GET"], responses=items.NOT_FOUND)

app = FastAPI(title=TITLE, version=VERSION, description=DESCRIPTION, lifespan=reference.lifespan)
app.include_router(router)
