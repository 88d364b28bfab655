"""A sum of money keeps its currency when a hedge or bound stands before its sign (newuser43).

`_currency` looked only at the first character of the quantity's match and the one before it, but
the match starts at its hedge ("roughly $210 million"), so the sign was never seen and the unit
became the next word: "roughly $210 million but would last far longer" gave unit `but`, and
"between $5 million and $8 million" the unit `and`'s following word. Unhedged sums were `usd`."""

from __future__ import annotations

import pytest

from landstrikes.extract.claims import find_claims


@pytest.mark.parametrize(("sentence", "unit"), [
    ("He said a replacement would cost roughly $210 million but would last far longer.", "usd"),
    ("The council will spend about €48 million on the bridge.", "eur"),
    ("The repairs will cost between $5 million and $8 million over two years.", "usd"),
    ("Officials said at least £12 million had been set aside for the work.", "gbp"),
    ("The state will provide $12 million of the total.", "usd"),  # unhedged: already right
])
def test_a_hedged_sum_of_money_keeps_its_currency(sentence, unit):
    claims = find_claims(sentence)
    assert [c.unit for c in claims] == [unit], claims
