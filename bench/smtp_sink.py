"""An SMTP server in a process of its own, so that it never competes with the load generator.

    python bench/smtp_sink.py DELAY

Prints its port, then runs until its standard input closes; then prints one JSON line: the
envelope recipients of every accepted message, and the time the last one was accepted.
"""

from __future__ import annotations

import json
import sys
import time

from shared.testing import run_smtp_server


def main() -> None:
    delay = float(sys.argv[1])
    with run_smtp_server(delay=delay) as smtp:
        print(smtp.port, flush=True)
        sys.stdin.read()  # until the benchmark closes our stdin
        messages = smtp.messages
    recipients = [r for m in messages for r in m.rcpt_tos]
    last = max((m.accepted_at for m in messages), default=time.time())
    print(json.dumps({"recipients": recipients, "last": last}), flush=True)


if __name__ == "__main__":
    main()
