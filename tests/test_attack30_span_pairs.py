"""attack30: `same_article_span_pairs` listed every (left, right) pair of rows of one article and
let the check keep the few whose spans meet, so the cost was the product of one article's rows:
gold article 002 grown 300-fold (38,100 claims, 13,500 quality flags in one article, VALID) took
22.9 s and 5.6 GB to validate, 100-fold 1.6 s and 0.78 GB; 1000-fold runs out of memory. The pairs
are now found by relation (`span_pairs.related_pairs`), and the full listing is kept only while
it is small (at most 8 pairs per row or `DIRECT_PAIRS`).

The growth test counts the pairs listed (not seconds): on the code before, a 20-fold article
listed 344,400 pairs for 1,384 rows in one gate. The findings are those of the plain listing."""

from __future__ import annotations

import numpy as np
import pytest

import landstrikes.schema.checkcorpus as checkcorpus
from attack25_tools import rows_of, write_rows
from attack30_tools import A002, grow_article
from landstrikes.schema import validate


def _listed(monkeypatch) -> list[tuple[int, int, int, str]]:
    """(left rows, right rows, pairs listed, gate) of every full listing `same_article_span_pairs` makes."""
    seen = []
    plain = checkcorpus.pairs_by_key

    def counted(left, right):
        li, ri = plain(left, right)
        import sys
        caller = sys._getframe(1)
        if caller.f_code.co_name in ("same_article_span_pairs", "same_article_span_match"):
            seen.append((len(left), len(right), len(li), sys._getframe(2).f_code.co_name))
        return li, ri

    monkeypatch.setattr(checkcorpus, "pairs_by_key", counted)
    return seen


def test_one_grown_article_lists_pairs_in_proportion_to_its_rows(dataset_copy, monkeypatch):
    grow_article(dataset_copy, 20)
    seen = _listed(monkeypatch)
    monkeypatch.setattr(checkcorpus, "DIRECT_PAIRS", 0, raising=False)  # the 8-per-row bound alone, at this size
    report = validate(dataset_copy)
    assert _beside_the_copies_headlines(report.findings) == [], report.findings[:3]
    assert seen, "the gates pair rows of one article"
    # past 8 pairs per row the pairs in relation are found without listing the rest
    assert [s for s in seen if s[2] > 8 * (s[0] + s[1])] == []


def _beside_the_copies_headlines(findings):
    """The findings but those of the copies' headlines: each copy repeats the article's headline
    pair, which C10 wants flagged (n - 1 of n equal headlines), and carries only its own one flag
    and its title's claims; the pairs these tests count are not C10's."""
    return [f for f in findings if f.check != "repeated-headline-not-flagged"]


def _findings(folder):
    report = validate(folder)
    assert report.unusable is None
    return _beside_the_copies_headlines(report.findings)


def _break(folder) -> None:
    """Rows of the grown article that the span-pair rules report: a claim moved into a
    boilerplate block and attributed in a headline, a boilerplate flag moved out of its block."""
    claims = rows_of(folder, "claims")
    segments = [s for s in rows_of(folder, "segments") if s["article_id"] == A002]
    block = next(s for s in segments[40:] if s["kind"] in ("navigation", "prompt", "advertisement"))
    head = next(s for s in segments[40:] if s["kind"] == "headline")
    mine = [c for c in claims if c["article_id"] == A002]
    mine[300].update(start=block["start"], end=block["start"] + 3)
    mine[600].update(start=head["start"], end=head["start"] + 4, claimant_id="donald-trump", hedging="attributed")
    write_rows(folder, "claims", claims)
    flags = rows_of(folder, "quality_flags")
    boiler = [f for f in flags if f["article_id"] == A002 and f["flag"] == "boilerplate"]
    boiler[-1].update(start=boiler[-1]["start"] - 200)
    write_rows(folder, "quality_flags", flags)


@pytest.mark.parametrize("broken", [False, True])
def test_the_pairs_found_by_relation_give_the_findings_of_the_full_listing(dataset_copy, monkeypatch, broken):
    grow_article(dataset_copy, 12)
    if broken:
        _break(dataset_copy)
    monkeypatch.setattr(checkcorpus, "DIRECT_PAIRS", 1 << 62, raising=False)
    listed = _findings(dataset_copy)
    monkeypatch.undo()
    seen = _listed(monkeypatch)
    monkeypatch.setattr(checkcorpus, "DIRECT_PAIRS", 0, raising=False)
    found = _findings(dataset_copy)
    assert found == listed
    assert bool(listed) == broken
    assert [s for s in seen if s[2] > 8 * (s[0] + s[1])] == []


def test_related_pairs_and_picks_are_the_plain_pairs_in_relation_on_any_spans():
    from landstrikes.schema.span_pairs import RELATIONS, related, related_pairs, related_pick

    rng = np.random.default_rng(30)
    extreme = np.array([np.iinfo(np.int64).min, np.iinfo(np.int64).max, -1, 0], dtype=np.int64)
    for trial in range(400):
        n, m = (int(x) for x in rng.integers(0, 25, 2))
        top = int(rng.integers(1, 12))

        def offsets(k):
            v = rng.integers(-2, top, k).astype(np.int64)
            if trial % 5 == 0 and k:  # reversed, empty and int64's ends among them
                v[rng.integers(0, k, 2)] = rng.choice(extreme, 2)
            return v

        lk, rk = rng.integers(0, 3, n), rng.integers(0, 3, m)
        ls, le, rs, re = offsets(n), offsets(n), offsets(m), offsets(m)
        i, j = (a.ravel() for a in np.meshgrid(np.arange(n), np.arange(m), indexing="ij"))
        for relation in RELATIONS:
            keep = (lk[i] == rk[j]) & related(relation, ls[i], le[i], rs[j], re[j])
            li, ri = related_pairs(relation, lk, ls, le, rk, rs, re)
            assert (li.tolist(), ri.tolist()) == (i[keep].tolist(), j[keep].tolist()), (trial, relation)
            partners = [j[keep & (i == row)].tolist() for row in range(n)]
            for pick, plain in (("first", [min(p, default=-1) for p in partners]),
                                ("last", [max(p, default=-1) for p in partners]), ("count", [len(p) for p in partners])):
                assert related_pick(relation, pick, lk, ls, le, rk, rs, re).tolist() == plain, (trial, relation, pick)
