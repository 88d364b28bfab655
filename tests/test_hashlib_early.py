"""A hash library the process cannot load is not a traceback on stderr.

hashlib logs `code for hash blake2b was not found` with a traceback (logging.exception, no
exception a caller can catch) when a library it maps is missing; under `ulimit -v` that happened
when validate imported it late (one CI run in three at 300 MB). The command imports hashlib first,
its log silenced; the hashes the commands use (sha256) come from another module and still work."""

from __future__ import annotations

import subprocess
import sys

from conftest import DATASET

WITHOUT_BLAKE2 = ("import sys\nsys.modules['_blake2'] = None\nsys.modules['_hashlib'] = None\n"
                  "from landstrikes.cli import main\nsys.argv = ['landstrikes', 'validate', sys.argv[1]]\nsys.exit(main())")


def test_validate_without_the_blake2_and_openssl_modules_prints_no_traceback_and_still_judges():
    done = subprocess.run([sys.executable, "-c", WITHOUT_BLAKE2, str(DATASET)], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr and "was not found" not in done.stderr, done.stderr[-2000:]
    assert done.returncode == 0 and "VALID" in done.stdout


def test_the_silence_is_for_the_import_only():
    code = ("import logging, sys\nfrom landstrikes.hashlibearly import import_hashlib_quietly\n"
            "import_hashlib_quietly()\nlogging.getLogger().error('after')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "after" in done.stderr
