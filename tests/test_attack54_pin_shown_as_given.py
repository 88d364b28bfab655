"""attack54: a refused `--pin` is shown as it was given. The value was cut to one line before its
repr, which strips it, so a pin copied with a space before or after it was refused as
`not '7dbd...'`, 64 hex digits that read as a valid pin: the line hid what was wrong."""

from __future__ import annotations

import subprocess
import sys

import pytest

PIN = "7dbdaeb0c95b42d0091c5d592155412d4ba07d1082181aea0a9c3fb893f135e4"


@pytest.mark.parametrize("command", [["verify", "2.35.1"], ["validate", "dataset/releases/2.35.1"]])
@pytest.mark.parametrize("pin", [f" {PIN}", f"{PIN}\t", f"{PIN}\n"])
def test_a_refused_pin_is_shown_with_what_is_wrong_with_it(command, pin):
    done = subprocess.run([sys.executable, "-m", "landstrikes", *command, "--pin", pin], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 2, done.stdout + done.stderr
    line = done.stderr.strip()
    assert "\n" not in line and "Traceback" not in line, line
    assert repr(pin) in line, line
