"""Mutation testing of the chapter apps (``nox -s mutate``): does the grader catch wrong code?

cosmic-ray (8.7) makes the mutants of each chapter's app; every mutant runs only the chapter's
tests that execute its line (a per-test coverage map), in a scratch copy of the checkout.
A survivor is either killed by a new graded test or reviewed as equivalent
(``equivalent/chNN.toml``). The pure parts (``selection``, ``equivalent``, ``report``) need
only the standard library and coverage; ``run`` drives cosmic-ray.
"""
