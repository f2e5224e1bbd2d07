"""Fuzzing every chapter's app against its own OpenAPI schema (``nox -s fuzz``).

Schemathesis generates requests from each app's ``/openapi.json`` and fails on any 5xx and on
any answer the schema does not document (status code, content type, body). The files are named
``fuzz_*.py`` so that the graded run (``nox -s tests``) never collects them.
"""
