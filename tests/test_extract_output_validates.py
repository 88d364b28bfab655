"""The extractor's output validates, whatever news-shaped text it is given: the extractor and the
validator each hold a reading of the guidelines (Q2's continued quotations, G2's final
punctuation), and when one moves without the other the silver of real news fails `validate`
(round 10's caption rule and attack15's stop check each did, on 9 and 2 dev-news texts). These
corpora are built from paragraphs shaped like those texts' (invented words), so the next such
drift fails here, not on a user's archive."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from landstrikes.cli import main
from landstrikes.schema.validate import validate

PARAGRAPHS = st.sampled_from([
    "Officer Ann Bell said: “The dog is microchipped and his name is Rex.",
    "Officer Ann Bell said: 'The dog is microchipped and his name is Rex.",
    "Cared for: station staff looked after Rex",
    "Photo: Harbour Police",
    "“We contacted the owner registered to the chip.",
    "“We contacted the owner registered to the chip.”",
    "'Anybody who saw the van is asked to ring the harbour office.'",
    "The new offices are at 1200 and 1900 Harbour Blvd., the people said.",
    "The agency said its staff would work from Washington, D.C. and two other cities.",
    "The firm was bought by Acme Holdings Inc.\u00a0, the people said.",
    "According to police, the man was 35 and lived in Leeds.",
    "\"It is over,\" he said. \"We will not go back.\"",
    "She told reporters that the plan was dead, and that talks would end.",
    "Mr. Smith, 45, of Acme Corp. said: “We will see what the U.S. does.”",
    "“Porters kept popping in to say, ‘Custard again?’ and then, ‘Well, you did win,’” he said.",
    "The panel said: \"Our worry is the lack of welders. It echoed an older warning, it said.",
    "• Related: “Land strikes” explained",
    "Subscribe to our newsletter",
    "A spokesman for the company said it was “too early to say”.",
    "Dozens of boats, between 250,000 and 300,000 tonnes, were seized in 2024.",
    "",
    # a quotation left open, a caption or heading line, then its next paragraph (Q2)
    "Inspector Tom Berry said: “The dog was found at the station.\n\nLooked after: staff fed him\n\n“We traced the owner.”",
    "Inspector Tom Berry said: 'The dog was found at the station.\n\nPicture: Harbour Police\n\n'We traced the owner.'",
    "She said: \"The plan will work.\n\nRead more\nMore on this story\n\n\"It has to.\"",
    # numeric headlines in a link list and an advert (C12: no claim there, the extractor's rows judged too)
    "Related Articles\n300 Stranded Workers Return Home After Long Strike\n10 Ways To Save On Your Groceries",
    "Advertisement\n20% off all harbour tours this week",
    # an unnamed source named again by a pronoun (Q16: the pronoun is the speaker words)
    "Critics say the toll is too high. They also warn that \"the costs could rise sharply next year\".",
])
ARTICLE = st.lists(st.tuples(PARAGRAPHS, st.sampled_from(["\n\n", "\n", "\n\n\n", " "])), min_size=1, max_size=9).map(
    lambda parts: "Harbour news\n\n" + "".join(p + end for p, end in parts))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(ARTICLE, min_size=1, max_size=6))
def test_the_silver_of_news_shaped_text_validates(tmp_path_factory, articles):
    folder = tmp_path_factory.mktemp("news")
    raw = folder / "raw"
    raw.mkdir()
    for number, text in enumerate(articles):
        (raw / f"story-{number}.txt").write_text(text, encoding="utf-8")
    assert main(["extract", str(raw), "--out", str(folder / "silver")]) == 0
    report = validate(folder / "silver")
    assert report.ok, report.to_text()


def test_an_implicit_speaker_is_never_an_unresolved_pronoun(tmp_path):
    """A quotation going on in the last speaker's words (Q9, implicit) inherits that quote's speaker
    mention; when that was a `he` no person resolves, the silver held an entity with an empty name
    (id `u` + sha1 of '') and failed `empty-string` (review15: a line separator between two quotes)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "story.txt").write_text(
        "Harbour news\n\n\"It is over,\" he said.\n“We contacted the owner.”\u2028“We contacted the brother.\n\n“We contacted the owner.\n",
        encoding="utf-8")
    assert main(["extract", str(raw), "--out", str(tmp_path / "silver")]) == 0
    report = validate(tmp_path / "silver")
    assert report.ok, report.to_text()
