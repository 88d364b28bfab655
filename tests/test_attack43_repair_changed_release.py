"""`release` repairs the CHANGELOG entry an interrupted release lost by diffing the newest release
against the one before. attack42 made that diff parse the newest release's verified bytes
(`new_manifest`): a table of it replaced between its check and the diff's read now raised
ReleaseIntegrityError out of `repair`, which `cmd_release` does not catch (its errors are
ReleaseError and BuildError: one line, exit 2), so `release` ended `[internal-error] ... please
report this input` (attack43). It is a ReleaseError naming the release now, and no entry is
written."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from landstrikes.errors import ReleaseError
from landstrikes.releases import manifest as manifest_module
from landstrikes.releases.release import repair

STANCES = "data/stances/stances.parquet"


def test_a_release_changed_while_its_lost_entry_is_rebuilt_is_a_release_error(tmp_path, monkeypatch):
    root = tmp_path / "dataset" / "releases"
    for version in ("2.27.1", "2.28.0"):
        shutil.copytree(DATASET / "releases" / version, root / version)
    changelog = tmp_path / "CHANGELOG.md"
    before = "# Changelog\n\n## 2.27.1 (2026-12-05)\n\nentry\n"
    changelog.write_text(before, encoding="utf-8")
    newest = root / "2.28.0"
    real = manifest_module.checked

    def racing(folder, *args, **kwargs):
        result = real(folder, *args, **kwargs)
        if str(folder) == str(newest):
            table = pq.read_table(newest / STANCES)
            pq.write_table(table.slice(1), newest / STANCES)  # one row fewer, after the check
        return result

    monkeypatch.setattr(manifest_module, "checked", racing)
    with pytest.raises(ReleaseError, match="2.28.0"):
        repair(root, changelog)
    assert changelog.read_text(encoding="utf-8") == before
