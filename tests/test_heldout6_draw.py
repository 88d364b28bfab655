"""The sixth held-out set (benchmarks/dev/sample.py --heldout6): after the previous list's last text
of each source, the next texts holding a direct quotation in sha256-of-id order, none of a skip list;
and the committed `heldout6.tsv` is on none of the lists it must be kept from. Built from made-up
texts and the committed id lists only: no dev-news text is read or copied."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "dev"))

import sample  # noqa: E402

_FILLER = "The council met on Tuesday and the minutes were filed the next morning without comment. " * 8
QUOTED = _FILLER + "“We will build the new bridge soon,” the mayor said. “It opens to traffic next spring,” she added."
UNQUOTED = _FILLER + "The mayor said the new bridge would be built soon and would open next spring."


def _ordered(source: str, n: int) -> list[str]:
    """n made-up ids of a source in the draw's order (sha256 of the id)."""
    ids = [f"{source}{k}" for k in range(n)]
    return sorted(ids, key=lambda i: hashlib.sha256(i.encode()).hexdigest())


def _texts(ids: list[str], unquoted: set[str] = frozenset()) -> dict[str, str]:
    # distinct texts: byte-identical duplicates are skipped by the draw
    return {i: (UNQUOTED if i in unquoted else QUOTED) + f" Ref {i}." for i in ids}


def test_the_draw_starts_after_the_previous_lists_last_text_of_each_source():
    bbc, fnc = _ordered("bbc/x-", 12), _ordered("fnc1/", 12)
    texts = _texts(bbc + fnc)
    drawn = sample._next_quoted(texts, [bbc[0], bbc[4], fnc[7]], 3, set())
    assert drawn == bbc[5:8] + fnc[8:11]


def test_texts_without_a_direct_quotation_and_skipped_texts_are_passed_over():
    bbc, fnc = _ordered("bbc/x-", 10), _ordered("fnc1/", 10)
    texts = _texts(bbc + fnc, unquoted={bbc[2], fnc[3]})
    drawn = sample._next_quoted(texts, [bbc[0], fnc[0]], 3, skipped={bbc[1], fnc[2]})
    assert drawn == [bbc[3], bbc[4], bbc[5], fnc[1], fnc[4], fnc[5]]


def test_a_source_that_runs_out_gives_fewer_texts():
    bbc, fnc = _ordered("bbc/x-", 4), _ordered("fnc1/", 10)
    texts = _texts(bbc + fnc)
    drawn = sample._next_quoted(texts, [bbc[2], fnc[0]], 3, skipped={bbc[3]})
    assert drawn == fnc[1:4]


def test_the_committed_sixth_held_out_set_is_on_no_earlier_list():
    heldout6 = [line.split("\t")[0] for line in (Path(sample.__file__).with_name("heldout6.tsv")).read_text().splitlines()]
    assert heldout6, "heldout6.tsv is empty"
    for listing in sample.HELDOUT6_SKIPPED:
        assert listing.name != "heldout6.tsv"
        on_both = set(heldout6) & sample._ids(listing)
        assert not on_both, f"{listing.name} holds {sorted(on_both)}"

