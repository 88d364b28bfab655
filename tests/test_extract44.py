"""Slips of the rule-based extractor on news-style text, each fixed as a class (extract44, from
newuser43's finding F5). Every sentence here is invented for the test."""

from __future__ import annotations

import pytest

from landstrikes.extract.claims import find_claims


# --- class 1: a unit is never a determiner, possessive, pronoun or other function word ---------


@pytest.mark.parametrize(("sentence", "unit"), [
    ("Inspectors found rust on 14 of its steel support cables last spring.", "steel"),
    ("At least 35 of the ferries were held in port.", "ferries"),
    ("Some 300 of our members signed the letter.", "members"),
    ("Nearly 60 of his paintings were sold at the auction.", "paintings"),
    ("The agency bought 3 more tractors in May.", "tractors"),
    ("Farmers planted 40 such orchards.", "orchards"),
    ("The firm owns 5 other warehouses near the port.", "warehouses"),
])
def test_a_determiner_or_possessive_before_the_noun_is_not_the_unit(sentence, unit):
    claims = find_claims(sentence)
    assert claims and claims[0].unit == unit, claims


@pytest.mark.parametrize("sentence", [
    "About 40 of them were arrested after the match.",
    "The police said 12 were injured in the crash.",
    "Only 7 of those who applied were accepted.",
])
def test_no_unit_is_a_pronoun_or_an_auxiliary(sentence):
    units = {c.unit for c in find_claims(sentence)}
    assert not units & {"them", "were", "those", "who", "are", "was"}, units
