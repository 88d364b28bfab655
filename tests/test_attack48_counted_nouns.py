"""A command's line puts a count and its noun in agreement (attack48): `extract` said
`1 articles`, `diff` `unchanged (1 rows)`, and so did a dozen messages (`says 1 rows`,
`1 nulls`, `1 variants need as many ...`). One helper, `counted`, says them all; a scan of every
f-string of the package finds a count printed before a plural noun by hand."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from conftest import DATASET
from landstrikes.schema import report

ROOT = Path(__file__).resolve().parent.parent
NOUNS = ("rows articles pages files bytes claims characters chars columns pairs mentions words variants values tables "
         "quotes propositions nulls fields clusters findings parts entities texts releases segments stances flags "
         "items labels errors workers lines points ids keys links").split()
MODIFIER = (r"(?!(?:of|vs|than|has|have|is|are|was|also|says|say|gives|give|the|its|and|or|but|in|to|at|with|for|from"
            r"|on|by|a|an)\b)[a-z][\w-]*")
"""A word between a count and its noun that does not end the noun phrase (attack49: `1 cross-article
contradiction pairs`, `1 utterance clusters`, `a text of 1 code points` had passed a scan that looked
right after the count only)."""
PLURAL_AFTER = re.compile(rf"^ (?:{MODIFIER} ){{0,2}}({'|'.join(NOUNS)})\b")
ALWAYS_MORE_THAN_ONE = {
    # a count printed only when it exceeds a bound of at least one, or a constant above one
    ("scripts/extract/limits.py", "n"), ("scripts/extract/inventory.py", "info.st_size"),
    ("scripts/extract/chunk.py", "len(text)"), ("scripts/releases/release.py", "len(text)"),
    ("scripts/releases/manifest_checks.py", "len(text)"), ("scripts/releases/loading.py", "len(version)"),
    ("scripts/releases/manifest.py", "path.stat().st_size"), ("scripts/releases/manifest.py", "MAX_MANIFEST_BYTES"),
    ("scripts/annotations/yamlsource.py", "size"), ("scripts/annotations/spans.py", "len(where)"),
    ("scripts/annotations/spans.py", "len(starts)"), ("scripts/documents/passes.py", "len(starts)"),
    ("scripts/buildcheck.py", "len(TABLES)"), ("schema/filestamps.py", "MAX_ENTRIES"),
    ("schema/tableio.py", "names.count(doubled[0])"), ("schema/arrowchecks.py", "table.column_names.count(name)"),
    ("schema/exclusion_mentions.py", "count"), ("schema/exclusion_mentions.py", "MAX_CLASHES"),
    ("schema/auto_segments.py", "value"),  # a segment kind ('body lines'), not a count
    ("schema/every_table_checks.py", "source"),  # 'gold rows', 'auto rows'
    ("scripts/extract/limits.py", "table"),  # '12,000 quotes rows'
    ("scripts/cli.py", "name"),  # evaluate's 'silver   claims span F1 ...'
    ("schema/quotes_checks.py", "n"), ("schema/quotes_checks.py", "count"),  # '{n} quote rows, expected 1': never 1
}


def _counts_before_plurals(path: Path) -> list[tuple[str, int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.JoinedStr):
            continue
        for value, after in zip(node.values, node.values[1:]):
            if (isinstance(value, ast.FormattedValue) and isinstance(after, ast.Constant)
                    and isinstance(after.value, str) and PLURAL_AFTER.match(after.value)):
                found.append((path.relative_to(ROOT).as_posix(), node.lineno, ast.unparse(value.value)))
    return found


def test_no_line_of_the_package_prints_a_count_before_a_plural_noun_by_hand():
    found = [hit for folder in ("scripts", "schema") for path in sorted((ROOT / folder).rglob("*.py"))
             for hit in _counts_before_plurals(path)]
    by_hand = [f"{file}:{line}: {{{expr}}}" for file, line, expr in found if (file, expr) not in ALWAYS_MORE_THAN_ONE]
    assert not by_hand, "use landstrikes.schema.report.counted:\n" + "\n".join(by_hand)


def test_counted_agrees_with_one_and_with_every_other_number():
    assert report.counted(1, "article") == "1 article"
    assert report.counted(0, "article") == "0 articles"
    assert report.counted(2, "row") == "2 rows"
    assert report.counted(12_345, "row", spec=",") == "12,345 rows"
    assert report.counted(1, "cluster or variant", "clusters and variants") == "1 cluster or variant"
    assert report.counted(3, "cluster or variant", "clusters and variants") == "3 clusters and variants"


def test_diff_of_one_row_tables_says_one_row(tmp_path):
    for name in ("old", "new"):
        for spec_dir in (DATASET / "data").iterdir():
            table = pq.read_table(next(spec_dir.glob("*.parquet")))
            (tmp_path / name / "data" / spec_dir.name).mkdir(parents=True)
            pq.write_table(table.slice(0, 1), tmp_path / name / "data" / spec_dir.name / f"{spec_dir.name}.parquet")
    done = subprocess.run([sys.executable, "-m", "landstrikes", "diff", tmp_path / "old", tmp_path / "new"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "articles: unchanged (1 row)" in done.stdout.splitlines()
    assert " rows)" not in done.stdout.replace("(0 rows)", "")
