"""The same Hypothesis draws on every run of the same code, unless asked otherwise.

A property test's examples were drawn afresh on each run, so a commit's CI could fail on a rare
draw that the run before had not made (session 35: a caption-line text failed one run of an
unchanged test, and nothing lands on a red CI). Derandomized, a commit passes or fails the same
way every time; `LANDSTRIKES_HYPOTHESIS=explore` draws afresh, with more examples, for a search.
"""

from __future__ import annotations

import os

from hypothesis import settings

PROFILE_VARIABLE = "LANDSTRIKES_HYPOTHESIS"

settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False, max_examples=1000)


def load_profile() -> str:
    """Load the profile the environment names (default `repeatable`); returns its name."""
    name = os.environ.get(PROFILE_VARIABLE, "repeatable")
    settings.load_profile(name)
    return name
