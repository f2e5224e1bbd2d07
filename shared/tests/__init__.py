"""Tests of the shared infrastructure: the grading plugin, the report, the test helpers."""
