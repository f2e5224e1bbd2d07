"""Deliberately broken chapter solutions: each must lose exactly its feature's points."""
