"""A killed `--out` run's hidden staging folder is recovered or removed by the next run into the
same folder, however that run spells `--out` (attack63, attack56's left item). `recover_outputs`
matched the leftovers beside `--out` by name: a killed `--out Site`'s `.Site.landstrikes-staging-*`
was never found by `--out site` on a file system that folds case (macOS, Windows, exFAT, ext4
casefold), and stayed hidden for good. Now a leftover that names the same entry as `--out`'s
spelling would is `--out`'s; a leftover for another folder is named in one line and kept.
A link, `a/../b`, a trailing slash or a relative path reach the folder resolved."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from landstrikes.safety import outdir

TAG = outdir.STAGING_TAG


def _export(out: str, cwd: Path, fault: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    env.pop("LANDSTRIKES_FAULT", None)
    if fault:
        env["LANDSTRIKES_FAULT"] = fault
    return subprocess.run([sys.executable, "-m", "landstrikes", "export-schemas", "--out", out], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def _killed_into(out: str, cwd: Path) -> Path:
    """The staging folder a run into `out` killed while writing it leaves."""
    assert _export(out, cwd, "outdir:staged").returncode == -9
    left = [p for p in Path(cwd, out).parent.iterdir() if TAG in p.name]
    assert len(left) == 1, left
    return left[0]


def test_a_leftover_is_recovered_by_the_folder_spelt_as_a_folding_file_system_holds_it(tmp_path, monkeypatch):
    left = _killed_into("Site", tmp_path)
    real_samefile = os.path.samefile

    def folding(a, b):  # this kernel has no casefold (CONFIG_UNICODE): names that differ in case are one entry
        a, b = Path(a), Path(b)
        if a.parent == b.parent and a.name.casefold() == b.name.casefold():
            return os.path.lexists(b) or os.path.lexists(a)
        return real_samefile(a, b)

    monkeypatch.setattr(os.path, "samefile", folding)
    lines = outdir.recover_outputs(tmp_path / "site")
    assert lines == [f"removed {left}, left unfinished by a killed run"]
    assert os.listdir(tmp_path) == []


def _leftover(parent: Path, name: str) -> Path:
    """What a run into parent/name killed while writing leaves: its staging folder, marked as such."""
    left = parent / f".{name}{TAG}0a1b2c3d"
    left.mkdir(parents=True)
    outdir.write_marker(left, "export-schemas", "staging", [])
    (left / "quotes.schema.yaml").write_text("half", encoding="utf-8")
    return left


def _into(out, lines: list) -> None:
    with outdir.output_folder(Path(out), "export-schemas", lines.append) as staging:
        (staging / "a.yaml").write_text("new", encoding="utf-8")


def test_a_leftover_for_another_folder_is_named_in_one_line_and_kept(tmp_path):
    left = _leftover(tmp_path, "other")
    lines = []
    _into(tmp_path / "schemas", lines)
    assert len(lines) == 1 and str(left) in lines[0] and str(tmp_path / "other") in lines[0], lines
    assert left.is_dir() and sorted(os.listdir(tmp_path)) == sorted([left.name, "schemas"])
    lines = []
    _into(tmp_path / "other", lines)  # the folder it was for removes it
    assert lines == [f"removed {left}, left unfinished by a killed run"]
    assert sorted(os.listdir(tmp_path)) == ["other", "schemas"]


def test_a_leftover_is_found_through_a_link_dots_a_trailing_slash_and_a_relative_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p").mkdir()
    (tmp_path / "q").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "p")
    for spelling in ("link/site", "q/../p/site", "p/site/", "./p//site", str(tmp_path / "p" / "site")):
        left = _leftover(tmp_path / "p", "site")
        lines = []
        _into(spelling, lines)
        assert lines == [f"removed {left}, left unfinished by a killed run"], spelling
        assert os.listdir(tmp_path / "p") == ["site"], spelling


def test_extract_says_what_it_removed_of_a_killed_run(built_dataset, tmp_path):
    """`extract` passed no notice to its output folder: a killed run's leftover went without a word."""
    left = _leftover(tmp_path, "silver")
    outdir.write_marker(left, "extract", "staging", [])
    done = subprocess.run([sys.executable, "-m", "landstrikes", "extract", "--out", str(tmp_path / "silver"),
                           str(built_dataset / "raw")], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 0, done.stderr
    assert f"removed {left}, left unfinished by a killed run\n" in done.stderr, done.stderr
    assert sorted(os.listdir(tmp_path)) == ["silver"]
