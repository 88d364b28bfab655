"""extract47's rules keep `extract` linear in the article's length (attack49). Whether the words after
an initialism open a person's name (`group NRX Philippe Dorrit ... Mr Dorrit said`) was asked by a
search of the whole text for `Mr <surname>` once per name: 200,000 characters of distinct
`The NRX <Given> <Surname> met.` took 70 s (3 s before extract47), past the default time budget,
so an ordinary-sized article became a failure. The titled surnames are read once per text now."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from test_extract_robust import _finishes as finishes

from landstrikes.extract import entities


def _invented_names(count: int) -> list[str]:
    syllables = ["bar", "cel", "dov", "fen", "gil", "hur", "kap", "lom", "mez", "nor", "pel", "rud", "sov", "tib", "vel", "zan"]
    words = ("".join(parts).capitalize() for parts in itertools.product(syllables, repeat=3))
    return list(itertools.islice(words, count))


def test_many_names_after_initialisms_finish_in_linear_time():
    names = _invented_names(16 ** 3)
    text = "".join(f"The NRX {a} {b} met. " for a, b in zip(names, reversed(names))) * 2
    assert len(text) > 200_000
    finishes(text)  # within 20 s, or refused as too complex (about 3 s with a linear scan here)


def _written_after_a_title(text: str, surname: str) -> bool:
    """The rule as extract47 wrote it: the text writes the surname after a courtesy title."""
    return re.search(rf"\b(?:Mr|Mrs|Ms|Dr)\.? {re.escape(surname)}\b", text) is not None


@pytest.mark.parametrize("seed", range(40))
def test_a_surname_counts_as_written_after_a_courtesy_title_exactly_when_the_text_writes_it_so(seed):
    rng = random.Random(seed)
    pieces = ["Mr ", "Mr. ", "Mrs ", "Ms ", "Dr. ", "Dorrit", "Dorrit-Smith", "Dorrit's", "O'Neil", "’s", " ", ". ", "\n",
              "Dorritson", "Kursk", "-", "MrDorrit", "é", "Mr  Dorrit", "_", "3"]
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 60)))
    for surname in ["Dorrit", "Dorrit-Smith", "Dorrit's", "O'Neil", "O", "Kursk", "Dorritson", "Smith", "Dorrit-", "é", "3"]:
        assert (surname in entities._titled_surnames(text)) == _written_after_a_title(text, surname), (text, surname)
