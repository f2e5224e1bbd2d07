"""One router per concern: items (list and one), categories (an Enum path), search."""
