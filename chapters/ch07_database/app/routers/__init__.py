"""The chapter's routers (one concern so far: ``/items``)."""
