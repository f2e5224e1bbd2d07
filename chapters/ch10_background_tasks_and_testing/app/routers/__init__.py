"""One router per concern: items, users and login, notifications, uploads, maintenance."""
