""".ci/run's Python scripts, loaded as modules for their tests (.ci/ is no package)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

CI = Path(__file__).resolve().parents[1] / ".ci"


def load(name: str):
    """The module of .ci/<name>.py, loaded afresh."""
    spec = importlib.util.spec_from_file_location(name, CI / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
