"""One router per concern: the catalog, vehicles, users, headers and cookies."""
