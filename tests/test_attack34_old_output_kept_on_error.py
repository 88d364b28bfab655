"""An output swapped in is not reported as failed because the previous one could not be removed
(attack34).

`render`, `extract` and `export-schemas` swap the new output in, then delete the files of the
previous output (now in the hidden staging folder beside it). When one of those could not be
deleted (an immutable or read-only file, a file of another user in a shared folder), the
command ended `[output-io] ... cannot write the output: Operation not permitted`, exit 2, though
the new output was in place; and every later run stopped at the same file while repairing,
exit 2, writing nothing, until someone deleted it by hand. A file that cannot be removed is now
kept (one line says where), the run ends with its own code, and a later run removes it when it can.
"""

from __future__ import annotations

import json
from pathlib import Path

from landstrikes.cli import main
from landstrikes.safety.outdir import MARKER, STAGING_TAG

REAL_UNLINK = Path.unlink


def _refused(self, missing_ok=False):
    if STAGING_TAG in str(self.parent) and self.name == "quotes.schema.yaml":
        raise PermissionError(1, "Operation not permitted", str(self))
    return REAL_UNLINK(self, missing_ok=missing_ok)


def test_a_previous_file_that_cannot_be_removed_does_not_fail_the_run(tmp_path, monkeypatch, capsys):
    out = tmp_path / "schemas"
    assert main(["export-schemas", "--out", str(out)]) == 0
    (out / "quotes.schema.yaml").write_text("# the previous output\n", encoding="utf-8")
    capsys.readouterr()
    monkeypatch.setattr(Path, "unlink", _refused)
    assert main(["export-schemas", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and "[output-io]" not in err, err
    assert "quotes.schema.yaml" in err  # where the file that could not be removed was kept
    assert (out / "quotes.schema.yaml").read_text(encoding="utf-8") != "# the previous output\n"
    assert json.loads((out / MARKER).read_text())["state"] == "complete"

    assert main(["export-schemas", "--out", str(out)]) == 0  # still refused: kept again, the run goes on
    monkeypatch.setattr(Path, "unlink", REAL_UNLINK)
    assert main(["export-schemas", "--out", str(out)]) == 0  # now it can be: removed
    assert [p.name for p in tmp_path.iterdir()] == ["schemas"]
