"""What every command pays before it starts (issue 19): Pandera is imported only by a command
that checks a table with it, and the schema's import does no per-code-point work. Speed itself
is measured in benchmarks/validate_floor.py, not here (no timed tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata

import pytest

from conftest import REPO
from landstrikes.schema.mentions_checks import SPACE_SEPARATORS

RUN = """
import atexit, runpy, sys
sys.argv = ["landstrikes", *sys.argv[1:]]
atexit.register(lambda: print("PANDERA", "pandera" in sys.modules, file=sys.stderr))  # (runs before its quick exit)
runpy.run_module("landstrikes", run_name="__main__")
"""


@pytest.fixture(scope="module")
def dataset_with_releases(tmp_path_factory):
    """A copy of the repository's dataset (tables and releases) and its CHANGELOG."""
    root = tmp_path_factory.mktemp("speed")
    shutil.copytree(REPO / "dataset", root / "dataset", ignore=shutil.ignore_patterns(".landstrikes.lock"))
    shutil.copy2(REPO / "CHANGELOG.md", root / "CHANGELOG.md")
    for name in ("README.md", "DATASHEET.md"):
        shutil.copy2(REPO / name, root / name)
    shutil.copytree(REPO / "docs", root / "docs")
    return root


def pandera_imported(args: list[str], cwd) -> tuple[bool, int, str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    proc = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)
    assert "PANDERA" in proc.stderr, proc.stderr[-2000:]
    return "PANDERA True" in proc.stderr, proc.returncode, proc.stderr


@pytest.mark.parametrize("args, exit_code", [
    (["--version"], 0),
    (["verify", "--dataset", "dataset"], 0),
    (["diff", "--dataset", "dataset", "1.0.0", "2.0.0"], 1),
    (["stats", "--check", "--dataset", "dataset", "--root", "."], 0),
    (["release", "2.0.1", "--dataset", "dataset"], 2),  # nothing changed since 2.0.0: refused
    (["validate", "dataset"], 0),  # every table keeps the rules: Pandera is not needed
])
def test_a_command_that_checks_no_table_with_pandera_does_not_import_it(dataset_with_releases, args, exit_code):
    imported, code, stderr = pandera_imported(args, dataset_with_releases)
    assert code == exit_code, stderr[-2000:]
    assert not imported


def test_validate_of_a_table_breaking_a_rule_imports_pandera_to_name_it(dataset_with_releases, tmp_path):
    shutil.copytree(dataset_with_releases / "dataset" / "data", tmp_path / "copy" / "data")
    from arrowbreak import set_values

    set_values(tmp_path / "copy", "quotes", "kind", {0: "rumour"})
    imported, code, _ = pandera_imported(["validate", str(tmp_path / "copy")], tmp_path)
    assert code == 1 and imported


def test_space_separators_are_exactly_unicode_category_zs():
    """The fast derivation (whitespace first, then category) finds what a full scan finds."""
    assert SPACE_SEPARATORS == "".join(chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Zs")


PADDING = "plain ASCII words " * 40


@pytest.mark.parametrize("texts, indexed", [
    ([PADDING + "a\u00a0b", "x\u3000y z\u2009" + PADDING, PADDING, "caf\u00e9\u202f" + PADDING, "\U0001f525 \u205f" + PADDING], True),
    ([PADDING + "no separator", "caf\u00e9 \u2014 na\u00efve" + PADDING], True),
    (["\u4e2d\u6587" * 50 + "\u2003", "\u00a0\u4e2d" * 30, "\u65e5\u672c"], False),  # dense: the bytes are scanned
])
def test_separators_present_are_the_non_ascii_separators_the_texts_hold(texts, indexed):
    """Mostly-ASCII text answers from the code point index's multi-byte characters (no second
    pass over the bytes); dense text is scanned; both find exactly what the texts hold."""
    import pyarrow as pa

    from landstrikes.schema.aliasscan import separators_present
    from landstrikes.schema.spantext import ArticleTexts

    articles = ArticleTexts(pa.array(texts))
    assert (articles.multibyte_starts() is not None) == indexed
    expected = sorted({c for c in SPACE_SEPARATORS if c != " " and any(c in t for t in texts)})
    assert separators_present(articles, SPACE_SEPARATORS) == expected
