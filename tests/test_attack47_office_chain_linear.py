"""A chain of offices ("Chief Executive of Chief Executive of ... Wexbury") is typed in linear time
(attack47). extract46's office split types what follows "<title> of" afresh, and for each office
of the chain looked for the holder's given name by scanning every word left after it, and listed
every word left to compare with "State": 6,000 offices (114,000 characters) took 4.5 CPU-s,
12,000 took 16 s, where before extract46 they took 0.1 s; an article so written met its time budget
and was failed. The holder is now looked up, as the last title and the head word are (`_Runs`)."""

from __future__ import annotations

import time

from landstrikes.extract.entities import find_mentions


def _typed(text: str):
    started = time.process_time()
    found = [(text[m.start:m.end], m.type) for m in find_mentions(text)]
    return found, time.process_time() - started


def test_a_long_chain_of_offices_is_typed_in_linear_time():
    _typed("The Chief Executive of Wexbury Trust said so.")  # the word lists, loaded once
    found, seconds = _typed("He met the " + "Chief Executive of " * 12_000 + "Wexbury Trust.")
    assert found == [("Wexbury Trust", "ORG")]
    assert seconds < 3, f"{seconds:.1f} CPU-s for 12,000 offices"


def test_a_chain_of_offices_ending_in_a_holder_keeps_the_holder():
    found, seconds = _typed("He met the " + "Secretary of " * 3_000 + "Homeland Security Ben Ode on Monday.")
    assert found == [("Homeland Security", "ORG"), ("Ben Ode", "PERSON")]
    assert seconds < 3, f"{seconds:.1f} CPU-s for 3,000 offices"
