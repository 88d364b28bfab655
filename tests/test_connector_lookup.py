"""`_connector_before` answers by a lookup (`_Runs.last_connector`) for a group that is a run of the
text's tokens and by scanning its gaps for any other group: both must say the same thing, whether
some gap among the group's first words is not one blank (session 41 made the lookup linear;
the scan, its fallback, had no test of its own)."""

from __future__ import annotations

import itertools

from landstrikes.extract.entities import _connector_before, _Runs, _tokens

TEXT = ("Bank of Lorvania Governor Ann Lee met Chief Executive of Tarn Water Ben Ode, Senator Kennedy\n"
        "and Prime Minister of Israel Dan Roe at Lorvania House on Monday.")


def _scanned(text, group, upto):
    return any(text[a.end:b.start] != " " for a, b in zip(group[:upto], group[1:upto + 1]))


def test_the_lookup_says_what_the_scan_says_for_every_run_of_tokens():
    toks = _tokens(TEXT)
    runs = _Runs(TEXT, toks)
    asked = 0
    for first, last in itertools.combinations(range(len(toks) + 1), 2):
        group = toks[first:last]
        assert runs.span(group) == (first, last - 1)
        for upto in range(len(group)):
            assert _connector_before(TEXT, group, upto, runs) == _scanned(TEXT, group, upto), (group, upto)
            asked += 1
    assert asked > 1000


def test_a_group_that_skips_tokens_is_scanned():
    toks = _tokens(TEXT)
    runs = _Runs(TEXT, toks)
    bank, lorvania, governor, ann, lee = toks[:5]
    assert [t.text for t in toks[:5]] == ["Bank", "Lorvania", "Governor", "Ann", "Lee"]  # words, not "of"
    skipping = [bank, governor, ann]  # a prefix left after dropping a word: no run of the tokens
    assert runs.span(skipping) is None
    assert _connector_before(TEXT, skipping, 2, runs) is True  # "Bank" to "Governor" is " of Lorvania "
    assert _connector_before(TEXT, [governor, lee], 1, runs) is True and runs.span([governor, lee]) is None
    joined = [t for t in toks if t.text in ("Ann", "Lee")]
    assert runs.span(joined) is not None and _connector_before(TEXT, joined, 1, runs) is False
