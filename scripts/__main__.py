"""`python -m landstrikes`: the same CLI as the `landstrikes` script (used by subprocess tests)."""

import sys

from landstrikes.cli import main

sys.exit(main())
