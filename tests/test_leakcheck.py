"""benchmarks/dev/leakcheck.py finds a dev-news run however it is typed (attack6): case,
punctuation, another apostrophe, a Python string's single quote glued to the first word, a line
break inside the run. The texts here are invented, standing in for a dev-news folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "dev"))
import leakcheck  # noqa: E402

DEV_TEXT = "Officials said the harbour bridge won’t reopen before the spring repairs are done in Norland."


@pytest.fixture
def index(tmp_path):
    (tmp_path / "bbc").mkdir()
    (tmp_path / "bbc" / "local-1.txt").write_text(DEV_TEXT, encoding="utf-8")
    (tmp_path / "fnc1_train_bodies.csv").write_text("Body ID,articleBody\n7,Nothing here overlaps at all.\n", encoding="utf-8")
    return leakcheck.dev_index(8, tmp_path)


@pytest.mark.parametrize("repository_text, line", [
    ("the harbour bridge won’t reopen before the spring repairs", 1),  # as written
    ("x = 1\nTHE HARBOUR BRIDGE -- won't reopen; before the (spring) repairs", 2),  # case, punctuation, apostrophe
    ("rows = _rows('Harbour bridge wont reopen before the spring repairs are done')", 1),  # a string's quote glued on
    ("# the harbour bridge won’t reopen\n# before the spring repairs are done", 1),  # wrapped across lines
])
def test_a_run_of_eight_dev_news_words_is_found_however_it_is_typed(index, repository_text, line):
    found = leakcheck.leaked_lines(repository_text, index, 8)
    assert found == [(line, "bbc/local-1.txt")]


def test_a_run_with_an_escaped_apostrophe_is_found(index):
    text = "notes = ('the harbour bridge won\\u2019t '\n         'reopen before the spring repairs')\n"
    assert leakcheck.leaked_lines(text, index, 8) == [(1, "bbc/local-1.txt")]


def test_an_escaped_line_break_keeps_the_line_numbers(index):
    text = "a = '\\u000a'\nb = 'the harbour bridge won\u2019t reopen before the spring repairs'\n"
    assert leakcheck.leaked_lines(text, index, 8) == [(2, "bbc/local-1.txt")]


def test_seven_shared_words_are_not_a_finding(index):
    assert leakcheck.leaked_lines("said the harbour bridge won't reopen before", index, 8) == []
