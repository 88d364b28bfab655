"""A quote's speaker mention is the mention row at its span: one span, one entity. The mention and
quote layers resolve a role separately, and after the sixth round's rules they could disagree on
one span (`<Country>'s President, <Name>, said: "..." But he added ...`), which made the silver fail
validate's `speaker-mention-mismatch` (one text in 2,575 real ones)."""

from __future__ import annotations

from landstrikes.extract.article import _one_entity_per_span, extract_article
from landstrikes.extract.entities import Mention
from landstrikes.extract.quoterow import Quote, Speaker

TWO_ROLES = (
    "Bond swap\n\nOfficials in Velmora spent the winter on a bond swap with foreign lenders. "
    "On Monday Velmora's trade minister, Tom Hale, said that he hoped the final tally would come out within a week. "
    "Velmora's President, Peter Vance, said on Tuesday: \"Last spring the lenders laughed at our offer.\" "
    "But he added that his cabinet was near to securing: \"A fair bargain for every saver.\" Markets rose.\n"
)


def speakers_disagreeing_with_their_mention_rows(text: str) -> list[str]:
    rows = extract_article("a1", text)
    entity_of = {m["mention_id"]: m["entity_id"] for m in rows["mentions"]}
    return [q["quote_id"] for q in rows["quotes"]
            if q["speaker_mention_id"] is not None and entity_of.get(q["speaker_mention_id"]) != q["speaker_id"]]


def test_every_speaker_names_the_entity_of_its_mention_row():
    assert speakers_disagreeing_with_their_mention_rows(TWO_ROLES) == []


def role(name: str) -> Mention:
    return Mention(40, 59, name, "PERSON", "NOMINAL", 0.5)


def said(start: int, name: str) -> Quote:
    return Quote(start, start + 10, "direct", Speaker("attributed", role(name)), None, None, 0.8)


def test_two_quotes_reading_one_span_two_ways_share_the_first_reading():
    table, quotes = _one_entity_per_span([role("Tom Hale")], [said(100, "Tom Hale"), said(200, "Peter Vance")])
    assert [q.speaker.mention.name for q in quotes] == ["Tom Hale", "Tom Hale"]
    assert [m.name for m in table] == ["Tom Hale"]


def test_a_quote_reading_a_tabled_span_otherwise_is_tabled_itself():
    table, quotes = _one_entity_per_span([role("Tom Hale")], [said(100, "Peter Vance")])
    assert [m.name for m in table] == ["Peter Vance"]
    assert quotes[0].speaker.mention.name == "Peter Vance"
