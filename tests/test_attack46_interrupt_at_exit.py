"""A Ctrl-C that arrives once the command's work is done (while its process runs the exit
handlers, just before it leaves) changes nothing: no traceback, the command's own exit code.

attack46: a `landstrikes extract` interrupted 1.5 s in had finished its 200 articles and was
running multiprocessing's exit handler; the KeyboardInterrupt raised inside it was printed as
`Exception ignored in atexit callback ... KeyboardInterrupt:` (a traceback, which no command
prints) before the process left with 0. The quick exit now ignores SIGINT once the command has
returned: there is nothing left to interrupt.
"""

from __future__ import annotations

import os
import subprocess
import sys

COMMAND = r"""
import atexit, os, signal, sys, time
atexit.register(lambda: (os.kill(os.getpid(), signal.SIGINT), time.sleep(0.2), print("exit handler ran")))
from landstrikes.cli import main
sys.argv = ["landstrikes", *sys.argv[1:]]
sys.exit(main())
"""


def test_a_ctrl_c_during_the_exit_handlers_is_ignored(released_copy):
    done = subprocess.run([sys.executable, "-c", COMMAND, "validate", "no-such-folder"], capture_output=True,
                          text=True, cwd=released_copy.parent, timeout=300, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr, done.stderr
    assert done.stdout.splitlines()[-1] == "exit handler ran"
