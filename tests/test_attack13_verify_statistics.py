"""A release's footer can lie while its manifest holds: a forger who edits a Parquet footer's
column statistics and re-hashes the manifest and croissant.json (the stated limit of verify
without `--pin`) changes no value and no row count, so every check of verify held and it said
ok, while a filtered read of the release lost rows (attack12 left it open; attack13 closed it).
verify now checks each hashed file's statistics as validate does: `footer-statistics-mismatch`,
exit 1, and `load` refuses the release."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from hostile_tools import footer_replace
from landstrikes import load
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError

VERSION = "1.0.1"
QUOTES = "data/quotes/quotes.parquet"


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rehash(release, rel: str) -> None:
    """What a forger who knows the format does after editing `rel`: its digest in the manifest
    and in croissant.json, then croissant.json's own digest in the manifest."""
    path, croissant = release / rel, release / "croissant.json"
    document = json.loads(croissant.read_text(encoding="utf-8"))
    for obj in document["distribution"]:
        if obj.get("contentUrl") == rel:
            obj["sha256"] = _sha(path)
    croissant.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    for name in (rel, "croissant.json"):
        manifest["files"][name].update(sha256=_sha(release / name), bytes=(release / name).stat().st_size)
    (release / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _forged(released_copy):
    """The release's quotes footer says max(article_id) is article 001's; returns the filter
    that then misses rows, and the rows the honest file gives it."""
    release = released_copy / "releases" / VERSION
    path = release / QUOTES
    last = max(pq.read_table(path, columns=["article_id"]).column(0).to_pylist())
    predicate = pc.field("article_id") == last
    honest = pq.read_table(path, filters=predicate).num_rows
    footer_replace(path, last.encode(), ("001" + last[3:]).encode())
    rehash(release, QUOTES)
    assert pq.read_table(path, filters=predicate).num_rows < honest  # the lie hides rows
    return release


def test_a_lying_footer_under_a_rehashed_manifest_fails_verify(released_copy, capsys):
    _forged(released_copy)
    assert main(["verify", VERSION, "--dataset", str(released_copy)]) == 1
    out = capsys.readouterr().out
    assert f"[footer-statistics-mismatch] {QUOTES}: row group 0, column " in out, out
    assert "the footer's statistics say the maximum is" in out, out
    assert "sha256-mismatch" not in out and "witness-mismatch" not in out, out  # the forgery is otherwise whole


def test_load_refuses_a_release_whose_footer_lies(released_copy):
    _forged(released_copy)
    with pytest.raises(ReleaseIntegrityError, match="footer-statistics-mismatch"):
        load("quotes", version=VERSION, root=released_copy / "releases")


def test_attack_held_the_committed_releases_footers_are_honest():
    """Over-refusal guard: every committed release still verifies."""
    proc = subprocess.run([sys.executable, "-m", "landstrikes", "verify"], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 0, proc.stdout + proc.stderr
