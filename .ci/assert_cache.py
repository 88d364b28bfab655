"""Write pytest's cached assertion-rewritten bytecode of every test module and conftest, once.

pytest rewrites the asserts of each test module it imports and caches the result in
`__pycache__/<module>.cpython-311-pytest-<version>.pyc`, but writes no cache where
PYTHONDONTWRITEBYTECODE is set (as here), so on a fresh clone every xdist worker rewrote all
~250 modules again: ~6 of its ~10 CPU-seconds of collection. pytest does read a cache that
exists, checked against the source's hash, so writing it here once (the same `_rewrite_test`
pytest runs, with no config: assertion pass hooks are off, as in pyproject) lets each worker
load it. Nothing is imported or run: a module whose cache is missing or stale is rewritten by
pytest as before."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from _pytest.assertion.rewrite import PYC_TAIL, _rewrite_test, _write_pyc_fp, get_cache_dir


def main(folder: Path) -> int:
    written = 0
    for source in sorted(folder.resolve().rglob("*.py")):
        if not (source.name.startswith("test_") or source.name == "conftest.py"):
            continue
        source_hash, code = _rewrite_test(source, None)
        cache = get_cache_dir(source)
        cache.mkdir(exist_ok=True)
        pyc = cache / (source.name[:-3] + PYC_TAIL)
        partial = pyc.with_name(f"{pyc.name}.{os.getpid()}")
        with open(partial, "wb") as fp:
            _write_pyc_fp(fp, source_hash, code)
        os.replace(partial, pyc)
        written += 1
    return written


if __name__ == "__main__":
    print(f"assert-rewritten bytecode of {main(Path(sys.argv[1] if len(sys.argv) > 1 else 'tests'))} test modules")
