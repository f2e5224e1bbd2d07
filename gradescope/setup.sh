#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image (Ubuntu, as root), with the
# uploaded zip unpacked in /autograder/source: Python, then the grader and what it needs.
set -euo pipefail
SOURCE="${AUTOGRADER_ROOT:-/autograder}/source"

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# redis-server: chapter 10's Celery tests (without it they skip, and lose their points).
apt-get install -y -qq --no-install-recommends python3 python3-venv redis-server

python3 -m venv "${AUTOGRADER_ROOT:-/autograder}/venv"
"${AUTOGRADER_ROOT:-/autograder}/venv/bin/python" -m pip install --quiet --upgrade pip
# The project and its "test" dependency group (pip >= 25.1 reads dependency groups).
"${AUTOGRADER_ROOT:-/autograder}/venv/bin/python" -m pip install --quiet -e "$SOURCE" --group "$SOURCE/pyproject.toml:test"
