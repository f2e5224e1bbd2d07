"""The app's routes, one module per concern: forms, files, and the system routes."""
