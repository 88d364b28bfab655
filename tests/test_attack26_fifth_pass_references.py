"""The fifth pass's speakers, stance holders and targets are ids of its partner release (2.19.0)
or the statuses and groups the guidelines name; any other value is refused in one line naming
file and line.

Its labels are held to closed sets (attack16), but a speaker id was compared as written: a
misspelt id was one more speaker disagreement, a stance holder or target misspelt one more key
that matched nothing (keys F1 fell), and the figures were written, exit 0 (attack26, as the
claims passes' claimants)."""

from __future__ import annotations

import pytest

from landstrikes.documents.fifthpass import FIFTH, fifth_pass_agreement
from landstrikes.errors import BuildError
from test_fifth_pass import dataset, gold_as_a_pass  # noqa: F401 (a fixture)


@pytest.mark.parametrize("table, column, value", [
    ("quotes", 4, "donal-trump"),
    ("quotes", 4, "multiple: united-states, mexicoo"),
    ("stances", 1, "donald-trump "),
    ("stances", 3, "land-strikes"),
])
def test_an_id_the_partner_lacks_is_refused(dataset, table, column, value):  # noqa: F811
    def edit(name, rows):
        if name == table:
            row = next(r for r in rows if table == "quotes" or r[2] == "entity")
            row[column] = value
        return rows

    gold_as_a_pass(dataset / FIFTH, edit)
    with pytest.raises(BuildError) as raised:
        fifth_pass_agreement(dataset)
    message = str(raised.value)
    assert f"{table}.tsv:" in message and "[unknown-reference]" in message and "\n" not in message, message


@pytest.mark.parametrize("kind, holder", [("group", "pundits"), ("article", "donald-trump"), ("entity", "experts")])
def test_a_holder_of_another_kind_is_refused(dataset, kind, holder):  # noqa: F811
    def edit(name, rows):
        if name == "stances":
            rows[0][1], rows[0][2] = holder, kind
        return rows

    gold_as_a_pass(dataset / FIFTH, edit)
    with pytest.raises(BuildError, match=r"stances\.tsv:2: .*\[unknown-reference\]"):
        fifth_pass_agreement(dataset)
