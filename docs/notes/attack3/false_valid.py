"""Reproductions of the false VALIDs attack3 found inside schema/ (not fixed there: schema/ is
being changed on another branch). Each case copies the repo's dataset (data, raw, annotations,
card) to a temporary folder, tampers with one table, and runs `landstrikes validate` on it.

    .venv/bin/python docs/notes/attack3/false_valid.py [case ...]

Prints, per case, the exit code and first line of validate's report, and what it should be.
Every case printed `exit 0 VALID` on commit efa708a + attack3.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[3]


def _column(table: pa.Table, name: str, change) -> pa.Table:
    """table with column `name` replaced by change(list of its values), field (type, nullability) kept."""
    i = table.schema.get_field_index(name)
    field = table.schema.field(i)
    return table.set_column(i, field, pa.array(change(table.column(i).to_pylist()), field.type))


def _rewrite(folder: Path, table: str, change) -> None:
    path = folder / "data" / table / f"{table}.parquet"
    pq.write_table(change(pq.read_table(path)), path)


def reversed_quantity_range(folder: Path) -> None:
    """claims: quantity_low > quantity_high on a row whose bound is a range."""
    def swap(t: pa.Table) -> pa.Table:
        low, high = t.column("quantity_low").to_pylist(), t.column("quantity_high").to_pylist()
        i = next(k for k in range(len(low)) if low[k] is not None and high[k] is not None and low[k] < high[k])
        low[i], high[i] = high[i], low[i]
        return _column(_column(t, "quantity_low", lambda _: low), "quantity_high", lambda _: high)
    _rewrite(folder, "claims", swap)


def pandas_metadata_hides_id(folder: Path) -> None:
    """quotes: a `pandas` schema-metadata entry naming quote_id as the index; pandas.read_parquet
    then returns a frame without the quote_id column (validate reads Arrow and passes)."""
    def stamp(t: pa.Table) -> pa.Table:
        meta = dict(t.schema.metadata or {})
        meta[b"pandas"] = json.dumps({
            "index_columns": ["quote_id"], "column_indexes": [],
            "columns": [{"name": n, "field_name": n, "pandas_type": "unicode", "numpy_type": "object", "metadata": None}
                        for n in t.schema.names],
            "creator": {"library": "pyarrow", "version": pa.__version__}, "pandas_version": "3.0"}).encode()
        return t.replace_schema_metadata(meta)
    _rewrite(folder, "quotes", stamp)


def cue_lemma_contradicts_cue(folder: Path) -> None:
    """quotes: cue_text 'said' with cue_lemma 'shout'."""
    _rewrite(folder, "quotes", lambda t: _column(t, "cue_lemma", lambda v: ["shout"] + v[1:]))


def nul_in_proposition(folder: Path) -> None:
    """claim_clusters: a NUL byte inside a proposition (build refuses control characters in sources)."""
    _rewrite(folder, "claim_clusters", lambda t: _column(t, "proposition", lambda v: [v[0][:3] + "\x00" + v[0][3:]] + v[1:]))


def tab_in_entity_name(folder: Path) -> None:
    """entities: a trailing tab in a name."""
    _rewrite(folder, "entities", lambda t: _column(t, "name", lambda v: [v[0] + "\t"] + v[1:]))


def duplicate_alias(folder: Path) -> None:
    """entities: one alias listed twice."""
    _rewrite(folder, "entities", lambda t: _column(t, "aliases", lambda v: [v[0] + v[0][:1]] + v[1:]))


def sha256_lie(folder: Path) -> None:
    """articles: sha256 of 64 zeros (attack2's open finding, still open)."""
    _rewrite(folder, "articles", lambda t: _column(t, "sha256", lambda v: ["0" * 64] + v[1:]))


CASES = {
    "reversed_quantity_range": (reversed_quantity_range, "exit 1, a claims range check (quantity_low <= quantity_high)"),
    "pandas_metadata_hides_id": (pandas_metadata_hides_id, "exit 1, e.g. unexpected-metadata (filestamps.py: only landstrikes.* and ARROW:schema keys)"),
    "cue_lemma_contradicts_cue": (cue_lemma_contradicts_cue, "exit 1, e.g. cue-lemma-mismatch (lemma of cue_text per the cue inventory)"),
    "nul_in_proposition": (nul_in_proposition, "exit 1, control-character (as build refuses in sources)"),
    "tab_in_entity_name": (tab_in_entity_name, "exit 1, control-character"),
    "duplicate_alias": (duplicate_alias, "exit 1, duplicate-alias (aliases are a set)"),
    "sha256_lie": (sha256_lie, "exit 1, article-derived-mismatch (sha256 of the text)"),
}


def main(names: list[str]) -> None:
    for name in names or list(CASES):
        tamper, expected = CASES[name]
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "dataset"
            for part in ("data", "raw", "annotations"):
                shutil.copytree(REPO / "dataset" / part, folder / part)
            shutil.copy(REPO / "dataset" / "README.md", folder / "README.md")
            tamper(folder)
            done = subprocess.run([sys.executable, "-m", "landstrikes", "validate", str(folder)],
                                  capture_output=True, text=True)
            first = (done.stdout + done.stderr).strip().splitlines()[:1]
            verdict = "VALID" if done.returncode == 0 else (first[0][:100] if first else "")
            print(f"{name:28s} exit {done.returncode} {verdict}\n{'':28s} should be: {expected}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
