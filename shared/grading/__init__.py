"""Grading: weighted tests grouped by chapter (pytest plugin) and the grade report."""
