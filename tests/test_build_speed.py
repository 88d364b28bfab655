"""What keeps `build` fast, as structure rather than timings (figures: benchmarks/build_cpu.py):
the card is written without importing `datasets` and with libyaml's emitter, and both give
exactly what the slow way gives."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from conftest import DATASET
from landstrikes.releases.card import card_features, card_yaml
from landstrikes.schema.registry import TABLES


def test_card_features_equal_what_datasets_writes():
    for spec in TABLES:
        assert card_features(spec) == spec.hf_features()._to_yaml_list(), spec.name


def test_card_front_matter_equals_the_pure_python_dump():
    entries = [(spec, 3, 100) for spec in TABLES]
    text = card_yaml(entries)
    assert text == yaml.safe_dump(yaml.safe_load(text), sort_keys=False, allow_unicode=True, width=100)


def test_a_build_in_a_pipe_imports_no_datasets_matplotlib_jinja2_pycountry_hypothesis_or_tqdm(built_dataset, tmp_path):
    import shutil

    folder = tmp_path / "dataset"
    for part in ("raw", "annotations"):
        shutil.copytree(built_dataset / part, folder / part)
    shutil.copy2(built_dataset / "agreement.json", folder / "agreement.json")
    code = ("import sys; from landstrikes.cli import main; code = main(['build', '--dataset', sys.argv[1]]); "
            "print(sorted(m for m in ('datasets', 'matplotlib', 'jinja2', 'pycountry', 'hypothesis', 'tqdm') if sys.modules.get(m))); sys.exit(code)")
    proc = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_space_separators_are_every_unicode_zs_character():
    """Written out to keep 1.1 M code points from being scanned at import; must stay exact (M6)."""
    import unicodedata

    from landstrikes.schema.mentions_checks import SPACE_SEPARATORS

    every_zs = "".join(chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Zs")
    assert SPACE_SEPARATORS == every_zs


def test_a_number_in_a_string_column_is_still_a_wrong_dtype_finding_at_its_row():
    from landstrikes.schema.registry import TABLES_BY_NAME
    from landstrikes.schema.tableio import read_table
    from landstrikes.schema.validate import _pandera_findings

    spec = TABLES_BY_NAME["stance_targets"]
    df = read_table(DATASET / "data" / spec.name)
    df[spec.id_column] = df[spec.id_column].astype(object)
    df.loc[1, spec.id_column] = 7
    findings, structural = _pandera_findings(spec, df, "x")
    assert structural
    assert [(f.check, f.column, f.value) for f in findings if f.check == "wrong-dtype"] == [("wrong-dtype", spec.id_column, "7")]


def test_keeping_a_module_unimported_spares_one_already_imported(monkeypatch):
    """The CLI blocks hypothesis in its own process; a process that already uses it keeps it."""
    from landstrikes.leanimports import keep_unimported

    monkeypatch.delitem(sys.modules, "landstrikes_never_imported", raising=False)
    assert keep_unimported(("yaml", "landstrikes_never_imported")) == ["landstrikes_never_imported"]
    assert sys.modules["yaml"] is yaml
    with pytest.raises(ImportError):
        import landstrikes_never_imported  # noqa: F401
    monkeypatch.delitem(sys.modules, "landstrikes_never_imported")
