"""SIGTERM or Ctrl-C while the command is still importing, before `main` has installed its
handlers, is the documented line and code: `terminated`, 143; `interrupted`, 130 (attack69). It had
ended the process as the system does (exit -15, no word) or printed KeyboardInterrupt's traceback.
The signal is sent by an import hook (sitecustomize) when the named module is looked for, so it
arrives mid-import every time, whatever the machine's load. A program that imports the library
keeps the signal handling it had."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

HOOK = """
import os, signal, sys

class SignalWhileImporting:
    def find_spec(self, name, path=None, target=None):
        if name == os.environ["SIGNAL_AT_MODULE"]:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), getattr(signal, os.environ["SIGNAL_NAME"]))
        return None

sys.meta_path.insert(0, SignalWhileImporting())
"""

SCRIPT = Path(sys.executable).with_name("landstrikes")


def _run(tmp_path, command, module, name):
    (tmp_path / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "SIGNAL_AT_MODULE": module, "SIGNAL_NAME": name,
           "HF_HUB_OFFLINE": "1"}
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          preexec_fn=_interruptible)


def _interruptible() -> None:
    """The child as a terminal starts it, Ctrl-C not ignored: a shell's background job (CI's `.ci/run &`)
    starts its children with SIGINT ignored, which the command rightly keeps (the nohup rule), so the
    SIGINT cases would test nothing there (the session-42 CI: exit 2, no line)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("module", ["landstrikes.schema", "landstrikes.errors"])
@pytest.mark.parametrize(("name", "code", "line"), [("SIGTERM", 143, "terminated\n"), ("SIGINT", 130, "interrupted\n")])
@pytest.mark.parametrize("how", ["script", "-m"])
def test_a_signal_while_the_command_imports_is_one_line_and_its_code(tmp_path, module, name, code, line, how):
    command = [str(SCRIPT)] if how == "script" else [sys.executable, "-m", "landstrikes"]
    done = _run(tmp_path, [*command, "validate", "nosuch"], module, name)
    assert (done.returncode, done.stderr) == (code, line), (done.returncode, done.stderr)


def test_the_command_after_its_imports_still_cleans_up_and_answers_with_its_own_handlers(tmp_path):
    """Once `main` runs, its handlers are in place (the command's clean-up runs): the early ones are not."""
    done = _run(tmp_path, [sys.executable, "-c", "import sys; sys.argv[0] = 'landstrikes'; import signal, landstrikes.cli; "
                           "landstrikes.cli.catch_sigterm(); print(signal.getsignal(signal.SIGTERM).__name__, "
                           "signal.getsignal(signal.SIGINT) is signal.default_int_handler)"], "no.such.module", "SIGTERM")
    assert done.stdout.split() == ["_terminated", "True"], done


def test_a_program_importing_the_library_keeps_its_signal_handling(tmp_path):
    done = _run(tmp_path, [sys.executable, "-c", "import signal, landstrikes; "
                           "print(signal.getsignal(signal.SIGTERM) == signal.SIG_DFL, "
                           "signal.getsignal(signal.SIGINT) is signal.default_int_handler)"], "no.such.module", "SIGTERM")
    assert done.stdout.split() == ["True", "True"], done


def test_a_sigterm_ignored_at_start_stays_ignored_while_importing(tmp_path):
    done = subprocess.run([sys.executable, "-c", "import signal, sys; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
                           "sys.argv[0] = 'landstrikes'; import landstrikes; "
                           "print(signal.getsignal(signal.SIGTERM) == signal.SIG_IGN)"],
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["True"], done


OPENS_A_FILE_FIRST = """
import os, signal, sys

class SignalWhileImporting:
    def find_spec(self, name, path=None, target=None):
        if name == os.environ["SIGNAL_AT_MODULE"]:
            sys.meta_path.remove(self)
            os.open(os.environ["WRITTEN_FILE"], os.O_WRONLY | os.O_CREAT)  # takes descriptor 2, as a .pyc write would
            os.kill(os.getpid(), signal.SIGTERM)
        return None

sys.meta_path.insert(0, SignalWhileImporting())
"""


def test_with_stderr_closed_at_start_the_line_goes_into_no_file_the_import_opened(tmp_path):
    (tmp_path / "sitecustomize.py").write_text(OPENS_A_FILE_FIRST, encoding="utf-8")
    written = tmp_path / "written"
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "SIGNAL_AT_MODULE": "landstrikes.errors",
           "WRITTEN_FILE": str(written)}
    done = subprocess.run(["sh", "-c", 'exec "$0" validate nosuch 2>&-', str(SCRIPT)], env=env, capture_output=True,
                          text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 143, done
    assert written.read_bytes() == b""
