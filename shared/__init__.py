"""Infrastructure every chapter uses: the grading plugin and test helpers. No chapter logic."""
