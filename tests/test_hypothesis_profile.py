"""The suite's property tests draw the same examples on every run unless told to explore
(tests/hypothesisprofile.py): a commit's CI result must not hang on a random draw."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import settings

HERE = Path(__file__).resolve().parent

DRAWS = """
import sys
sys.path.insert(0, {here!r})
import hypothesisprofile
from hypothesis import given, settings, strategies as st
hypothesisprofile.load_profile()
seen = []
@settings(max_examples=20, database=None)
@given(st.text(max_size=30))
def draw(text):
    seen.append(text)
draw()
print(repr(seen))
"""


def _draws(profile: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "LANDSTRIKES_HYPOTHESIS"}
    if profile is not None:
        env["LANDSTRIKES_HYPOTHESIS"] = profile
    done = subprocess.run([sys.executable, "-c", DRAWS.format(here=str(HERE))], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_two_runs_of_the_same_property_draw_the_same_examples():
    assert _draws(None) == _draws(None)


def test_exploring_draws_afresh():
    assert len({_draws("explore") for _ in range(3)}) > 1


def test_this_suite_runs_under_the_repeatable_profile():
    assert settings.default.derandomize is True
