"""A file a command rewrites is rewritten where it is, with its permissions (attack34).

`stats` (README.md, DATASHEET.md, stats.json, the figures), `validate`/`diff`/`evaluate --json`,
`agreement --out` and `export-schemas` replace a file through a temporary file renamed over it.
Renamed over a symbolic link, it replaced the link: a DATASHEET.md linked to
docs/DATASHEET.src.md became a file of its own while the file the link named kept the old
numbers (and `stats --check` then passed), and `validate --json LINK` to an earlier report judged
the report the link names and replaced the link. The rename now goes to the file the link names.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from landstrikes.cli import main
from landstrikes.safety.replacefile import replace_text


def test_a_linked_document_is_rewritten_where_the_link_points(tmp_path):
    (tmp_path / "docs").mkdir()
    real = tmp_path / "docs" / "DATASHEET.src.md"
    real.write_text("old numbers\n", encoding="utf-8")
    link = tmp_path / "DATASHEET.md"
    link.symlink_to("docs/DATASHEET.src.md")
    replace_text(link, "new numbers\n")
    assert link.is_symlink() and os.readlink(link) == "docs/DATASHEET.src.md"
    assert real.read_text(encoding="utf-8") == "new numbers\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["DATASHEET.md", "docs"]
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["DATASHEET.src.md"]


def test_validate_json_through_a_link_replaces_the_report_it_judged(built_dataset, tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    earlier = reports / "validate.json"
    earlier.write_text(json.dumps({"path": "x", "valid": False, "exit_code": 1, "tables": {}, "findings": []}))
    link = tmp_path / "latest.json"
    link.symlink_to(earlier)
    assert main(["validate", str(built_dataset), "--json", str(link)]) == 0
    assert link.is_symlink()
    assert json.loads(earlier.read_text())["valid"] is True
