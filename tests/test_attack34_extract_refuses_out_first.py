"""`extract` refuses its `--out` before it reads or writes anything (attack34).

README: exit 2, `--out` refused, nothing written. `extract` first read and hashed every raw text
(its inventory), then built the word lists and wrote their cache into `~/.cache/landstrikes`, and
only then judged `--out`: a mistyped `--out dataset` over a large corpus read all of it, and wrote
a cache file, to say it would not write there. The target is now judged first.
"""

from __future__ import annotations

from landstrikes.cli import main


def test_a_refused_out_writes_no_word_list_cache(tmp_path, monkeypatch, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "one.txt").write_text("Title\n\n“We will act,” Ana Ruiz said.\n", encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine\n", encoding="utf-8")
    cache = tmp_path / "cache"
    monkeypatch.setenv("LANDSTRIKES_CACHE_DIR", str(cache))
    assert main(["extract", str(raw), "--out", str(mine)]) == 2
    assert "[output-refused]" in capsys.readouterr().err
    assert not cache.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine", "raw"]
