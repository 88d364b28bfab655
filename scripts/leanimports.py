"""Keep a command's process from importing what a dependency loads for features we never use.

Pandera imports `hypothesis` (its data-synthesis strategies) on the first validation whenever
hypothesis is installed, as it is wherever the test extra is: 0.15 CPU-s of a 1.5 CPU-s build.
No landstrikes command synthesises data, so a command's own process may refuse that import;
pandera then runs without strategies, exactly as in an install without hypothesis.
"""

from __future__ import annotations

import sys

UNUSED_BY_COMMANDS = ("hypothesis",)
"""Modules a dependency imports when present but no command uses."""


def keep_unimported(names: tuple[str, ...] = UNUSED_BY_COMMANDS) -> list[str]:
    """Make each module not yet imported unimportable in this process; returns those blocked.

    Only for a command's own process (the CLI): a module already imported (a test run, a
    library user who imported it) is left alone.
    """
    blocked = [name for name in names if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # the documented way to make `import name` raise ImportError
    return blocked
