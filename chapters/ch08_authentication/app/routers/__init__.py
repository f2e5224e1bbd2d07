"""The app's routes, one module per concern: login, users, protected pages, admin pages."""
