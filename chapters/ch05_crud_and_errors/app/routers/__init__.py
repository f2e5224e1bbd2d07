"""The chapter's routers (one: ``/items``)."""
