"""The app's routers; chapter 3 has one, ``/items``."""
