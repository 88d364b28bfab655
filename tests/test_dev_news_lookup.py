"""benchmarks/dev/sample.py finds ../shared/dev-news beside the checkout, or beside a folder above
it (a worktree sits deeper than the main checkout), and names the place beside the checkout when
there is none. Built from empty temporary folders: no dev-news text is read or copied."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "dev"))

from sample import DEV_NEWS, _CHECKOUT, dev_news_folder  # noqa: E402


def test_dev_news_beside_the_checkout_is_found(tmp_path):
    checkout = tmp_path / "main"
    checkout.mkdir()
    (tmp_path / "shared" / "dev-news").mkdir(parents=True)
    assert dev_news_folder(checkout) == tmp_path / "shared" / "dev-news"


def test_dev_news_two_levels_above_a_worktree_is_found(tmp_path):
    worktree = tmp_path / "wt" / "branch"
    worktree.mkdir(parents=True)
    (tmp_path / "shared" / "dev-news").mkdir(parents=True)
    assert dev_news_folder(worktree) == tmp_path / "shared" / "dev-news"


def test_the_nearest_dev_news_wins(tmp_path):
    worktree = tmp_path / "wt" / "branch"
    worktree.mkdir(parents=True)
    (tmp_path / "shared" / "dev-news").mkdir(parents=True)
    (tmp_path / "wt" / "shared" / "dev-news").mkdir(parents=True)
    assert dev_news_folder(worktree) == tmp_path / "wt" / "shared" / "dev-news"


def test_a_file_named_dev_news_is_no_folder(tmp_path):
    worktree = tmp_path / "wt" / "branch"
    worktree.mkdir(parents=True)
    (tmp_path / "wt" / "shared").mkdir()
    (tmp_path / "wt" / "shared" / "dev-news").write_text("")
    (tmp_path / "shared" / "dev-news").mkdir(parents=True)
    assert dev_news_folder(worktree) == tmp_path / "shared" / "dev-news"


def test_without_dev_news_anywhere_the_default_is_beside_the_checkout(tmp_path):
    worktree = tmp_path / "wt" / "branch"
    worktree.mkdir(parents=True)
    assert dev_news_folder(worktree) == tmp_path / "wt" / "shared" / "dev-news"


def test_the_module_constant_is_the_lookup_from_this_checkout():
    assert DEV_NEWS == dev_news_folder(_CHECKOUT)
