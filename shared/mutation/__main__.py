"""``python -m shared.mutation [chNN ...]``: see ``shared.mutation.run``."""

import sys

from shared.mutation.run import main

sys.exit(main())
