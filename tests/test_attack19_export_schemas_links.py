"""`export-schemas` writes each schema through a new temporary file, never a fixed name (attack19).

It wrote `.<table>.schema.yaml.tmp`, then renamed it over the schema: a symbolic link planted at
that name (or a leftover of a killed run) was written through, so the file it named was
overwritten with YAML and the schema itself became the link. It now writes with
`safety/replacefile` (a `mkstemp` file, then one rename), as `stats` and every report do.
"""

from __future__ import annotations

from landstrikes.cli import main
from landstrikes.schema import export


def test_a_link_planted_at_the_old_temporary_name_is_not_written_through(tmp_path, monkeypatch, capsys):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    folder = tmp_path / "schemas"
    folder.mkdir()
    (folder / ".quotes.schema.yaml.tmp").symlink_to(victim)
    monkeypatch.setattr(export, "EXPORT_DIR", folder)
    assert main(["export-schemas"]) == 0
    assert victim.read_text(encoding="utf-8") == "precious\n"
    quotes = folder / "quotes.schema.yaml"
    assert f"wrote {quotes}" in capsys.readouterr().out
    assert quotes.is_file() and not quotes.is_symlink()
    assert [p.name for p in folder.iterdir() if p.name.endswith(".landstrikes-tmp")] == []
