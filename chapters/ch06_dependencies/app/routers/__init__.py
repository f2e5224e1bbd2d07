"""One router per concern: items, per-request caching, the API-key area, the event log."""
