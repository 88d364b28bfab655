"""`validate` declines transparent huge pages for its own process, before pyarrow's allocator
starts (most of its system time was zeroing and splitting 2 MiB pages: docs/notes/validate-ratio3.md);
a library user's process is left as it is."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl(PR_SET_THP_DISABLE) is Linux's")

SPY = """
import sys
import landstrikes.hugepages as hugepages
real = hugepages.decline_transparent_huge_pages
seen = []
def spy():
    seen.append("pyarrow" in sys.modules)
    return real()
hugepages.decline_transparent_huge_pages = spy
from landstrikes.cli import main
code = main(["validate", sys.argv[1]])
print(code, seen, hugepages.huge_pages_declined())
"""


def test_the_validate_command_declines_huge_pages_before_pyarrow_is_imported(dataset_copy):
    done = subprocess.run([sys.executable, "-c", SPY, str(dataset_copy)], capture_output=True, text=True, timeout=300)
    assert done.stdout.strip().splitlines()[-1] == "0 [False] True", done.stdout + done.stderr


FRESH = """
import ctypes, ctypes.util
# the setting is inherited: a test worker that ran `main(["validate", ...])` in-process passes it on,
# so the child first takes the state of a fresh process
ctypes.CDLL(ctypes.util.find_library("c") or None).prctl(41, 0, 0, 0, 0)
import landstrikes.schema
from landstrikes.schema import validate
from landstrikes.hugepages import huge_pages_declined
print(huge_pages_declined())
"""


def test_importing_the_validator_changes_nothing_in_the_caller_process():
    code = FRESH
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr
