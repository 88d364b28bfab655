"""`landstrikes build`'s first line said what it read (`5 articles from dataset/raw`), never where the
tables went: a new user following the quick start could not tell from its output that `dataset/data/`
and the card `dataset/README.md` had been rewritten (newuser59). A build that swapped its tables in says
where, on the same first line (a build whose tables do not validate writes nothing and says so on
stderr, as before)."""

from __future__ import annotations

from conftest import copy_sources
from landstrikes.cli import main


def test_a_valid_build_names_the_tables_and_the_card_it_wrote(tmp_path, capsys):
    dataset = copy_sources(tmp_path / "ds")
    assert main(["build", "--dataset", str(dataset)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (f"landstrikes build: 5 articles from {dataset / 'raw'} -> {dataset / 'data'} (11 tables) "
                        f"and {dataset / 'README.md'}"), lines[0]
    assert lines[-1] == "VALID"
