"""Each command imports only what it needs (issue 19: "pay pandera's import only in commands that
check a schema"), proved by what a real command process has in `sys.modules` when it exits, not by
timing it (figures: benchmarks/command_cpu.py). pandas alone costs about 0.3 CPU-s, pandera 0.2,
pyarrow with numpy 0.25; `--version` used to pay 0.8 CPU-s for all of them.

And the lazy `landstrikes.schema` package this needs keeps its public API: every name resolves,
and `from landstrikes.schema import validate` is the one function for every importer."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import DATASET, REPO, copy_sources

PROBE = """
import json, sys
from landstrikes.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:  # --version exits through argparse
    code = exc.code
loaded = sorted(m for m in ("pandas", "pandera", "pyarrow", "numpy", "hypothesis") if sys.modules.get(m) is not None)
print(json.dumps({"exit": code, "loaded": loaded}))
"""


def run_command(*args: str) -> tuple[int, set[str], str]:
    """Run `landstrikes ARGS` in a fresh interpreter from the repository root; its exit code,
    the heavy modules it had imported at the end, and its stderr."""
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=REPO, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return result["exit"], set(result["loaded"]), proc.stderr


def test_version_imports_neither_pyarrow_nor_pandas_nor_pandera():
    code, loaded, err = run_command("--version")
    assert code == 0, err
    assert loaded == set(), f"--version imported {sorted(loaded)}"


@pytest.mark.parametrize(
    "args, exit_code",
    [
        (["verify", "--dataset", str(DATASET)], 0),
        (["verify", "2.0.0", "--dataset", str(DATASET)], 0),
        (["diff", "1.0.0", "2.0.0", "--dataset", str(DATASET)], 1),
        (["stats", "--check", "--dataset", str(DATASET)], 0),
    ],
    ids=["verify", "verify-2.0.0", "diff", "stats-check"],
)
def test_commands_that_check_no_schema_import_no_pandas_and_no_pandera(args, exit_code):
    code, loaded, err = run_command(*args)
    assert code == exit_code, err[-2000:]
    assert not loaded & {"pandas", "pandera"}, f"{' '.join(args[:2])} imported {sorted(loaded & {'pandas', 'pandera'})}"


def test_build_and_validate_of_sound_tables_import_no_pandera(tmp_path):
    """Pandera is imported only for a table that breaks a rule (schema/arrowrules.py); a build of the
    gold sources and a validate of its tables never do."""
    folder = copy_sources(tmp_path / "dataset")
    code, loaded, err = run_command("build", "--dataset", str(folder))
    assert code == 0, err[-2000:]
    assert "pandera" not in loaded and "hypothesis" not in loaded, sorted(loaded)
    code, loaded, err = run_command("validate", str(folder))
    assert code == 0, err[-2000:]
    assert "pandera" not in loaded, sorted(loaded)


SAME_FUNCTION = """
import importlib, sys
order = sys.argv[1]
if order == "submodule-first":
    import landstrikes.schema.validate  # what build.py and release.py do
    from landstrikes.schema import validate
elif order == "package-first":
    from landstrikes.schema import validate
    import landstrikes.schema.validate
else:  # the attribute read, after an importer of the submodule ran
    import landstrikes.build, landstrikes.schema
    validate = landstrikes.schema.validate
module = sys.modules["landstrikes.schema.validate"]
assert validate is module.validate, (order, validate)
assert importlib.import_module("landstrikes.schema.validate") is module
from landstrikes.schema import validate as again
assert again is validate
print("ok")
"""


@pytest.mark.parametrize("order", ["submodule-first", "package-first", "attribute-after-build"])
def test_schema_validate_is_the_one_function_whichever_is_imported_first(order):
    proc = subprocess.run([sys.executable, "-c", SAME_FUNCTION, order], capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip() == "ok", proc.stderr[-2000:]


def test_every_public_name_of_landstrikes_schema_resolves_as_before():
    import landstrikes.schema as schema
    from landstrikes.schema.articles import ARTICLES
    from landstrikes.schema.registry import SCHEMA_VERSION, TABLES, TABLES_BY_NAME
    from landstrikes.schema.report import Finding, Report
    from landstrikes.schema.stances import STANCE_TARGETS

    namespace: dict = {}
    exec("from landstrikes.schema import *", namespace)
    assert set(schema.__all__) <= set(namespace) and set(schema.__all__) <= set(dir(schema))
    assert (schema.ARTICLES, schema.STANCE_TARGETS, schema.SCHEMA_VERSION) == (ARTICLES, STANCE_TARGETS, SCHEMA_VERSION)
    assert schema.TABLES is TABLES and schema.TABLES_BY_NAME is TABLES_BY_NAME
    assert schema.Finding is Finding and schema.Report is Report
    assert callable(schema.validate) and schema.validate.__module__ == "landstrikes.schema.validate"
    assert type(schema.pandera_schema("quotes")).__name__ == "DataFrameSchema"
    with pytest.raises(AttributeError):
        schema.no_such_name  # noqa: B018


def test_a_monkeypatched_schema_validate_is_what_the_validate_command_calls(monkeypatch, dataset_copy, capsys):
    """Only the import system's binding of the submodule is refused; a test's patch goes through."""
    from landstrikes.cli import main

    def boom(*args, **kwargs):
        raise RuntimeError("patched")

    monkeypatch.setattr("landstrikes.schema.validate", boom)
    assert main(["validate", str(dataset_copy)]) == 2
    assert "[internal-error] RuntimeError: patched" in capsys.readouterr().err
