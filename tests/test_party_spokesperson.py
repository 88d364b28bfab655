"""A party's spokesperson speaks for the party, whatever type its name takes. extract65 typed
`Conservative` NORP (a party's side, like `Conservatives`), and the speaker search kept no NORP
mention as a speaker ("Mexicans say" is an unnamed group): `a Conservative spokeswoman said` lost
its body while `a Labour spokesman said` (ORG) kept it (session 41). Every sentence is invented."""

from __future__ import annotations

import pytest

from landstrikes.extract.article import extract_article


def _speaker(text: str, quoted: str) -> tuple[str, str | None]:
    """(speaker_status, speaker_id) of the quote whose text starts `quoted`."""
    row = next(q for q in extract_article("a", text)["quotes"] if q["text"].startswith(quoted))
    return row["speaker_status"], row["speaker_id"]


@pytest.mark.parametrize("party", ["Conservative", "Republican", "Democratic", "Liberal Democrat", "Tory"])
def test_a_party_spokesperson_speaks_for_the_party(party):
    text = f'Council tax rise attacked\n\n"This is a tax on working families," a {party} spokeswoman said on Monday.\n'
    status, speaker = _speaker(text, "This is a tax")
    assert status == "attributed" and speaker is not None and speaker.startswith(party.split()[0].lower()[:4]), (status, speaker)


def test_a_party_spokesperson_speaks_as_an_organisations_does():  # guard: ORG kept its spokesman before
    text = 'Council tax rise attacked\n\n"This is a tax on working families," a Labour spokesman said on Monday.\n'
    assert _speaker(text, "This is a tax") == ("attributed", "labour")


@pytest.mark.parametrize("group", ["French", "Catholic"])
def test_a_nationalitys_or_faiths_spokesperson_names_no_body(group):  # guard: such a word is no party
    text = f'Talks stall\n\n"We are not ready," a {group} spokesman said on Monday.\n'
    status, _ = _speaker(text, "We are not ready")
    assert status != "attributed"
