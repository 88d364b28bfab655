"""A pattern meant to hold a whole value holds it whole: no value passes it with a line feed after
it (attack23).

Python's `$` matches at the end of the text and also just before a line feed that ends it, so
`re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", "us-government\\n")` succeeds. Two checks used it so:

- `entities.entity_id` (E3's slug, Pandera's `str_matches`, `bad-format`): an entity renamed to
  `aguascalientes-drone-strike-2022\\n` in every table validated. The Arrow fast path (RE2, whose
  `$` is the end of the text) did not prove the column and handed it to Pandera, which passed it:
  an id that prints like another and is not it;
- `publish --repo` (`org/name\\n`): accepted; a dry run wrote the upload folder, exit 0 (the README
  says a bad repo id is refused, exit 2).

The patterns now end in `\\Z` (Python's end of text), which the Arrow fast path reads as RE2's `$`.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes.cli import main
from landstrikes.errors import ReleaseError
from landstrikes.releases.publish import publish
from landstrikes.schema.validate import validate

DATASET = Path(__file__).resolve().parents[1] / "dataset"


def _rename_everywhere(folder, old: str, new: str) -> None:
    """Every string and list-of-string value equal to `old`, in every table, becomes `new`."""
    def renamed(value):
        if isinstance(value, list):
            return [renamed(v) for v in value]
        return new if value == old else value

    for path in sorted((folder / "data").rglob("*.parquet")):
        table = pq.read_table(path)
        columns = [pa.array([renamed(v) for v in table.column(i).to_pylist()], field.type)
                   for i, field in enumerate(table.schema)]
        pq.write_table(pa.Table.from_arrays(columns, schema=table.schema), path)


def test_an_entity_id_ending_in_a_line_feed_is_no_slug(dataset_copy):
    first = pq.read_table(dataset_copy / "data" / "entities").column("entity_id")[0].as_py()
    _rename_everywhere(dataset_copy, first, first + "\n")
    report = validate(dataset_copy)
    assert not report.ok
    assert {(f.table, f.check, f.column) for f in report.findings} >= {("entities", "bad-format", "entity_id")}


def test_the_sound_gold_still_takes_the_arrow_path_and_validates(dataset_copy):
    assert validate(dataset_copy).ok


@pytest.mark.parametrize("repo", ["org/name\n", "org\n/name"])
def test_a_repo_id_with_a_line_feed_is_refused_before_any_call(tmp_path, repo):
    with pytest.raises(ReleaseError, match="not a Hub dataset id"):
        publish("2.11.0", repo, DATASET, dry_run_out=tmp_path / "up")
    assert not (tmp_path / "up").exists()


def test_publish_dry_run_with_such_a_repo_id_is_exit_2_and_writes_nothing(tmp_path, capsys):
    assert main(["publish", "2.11.0", "--repo", "org/name\n", "--dry-run", "--out", str(tmp_path / "up"),
                 "--dataset", str(DATASET)]) == 2
    assert "\\n" in capsys.readouterr().err
    assert not (tmp_path / "up").exists()
