"""Property tests: extraction never crashes and every span it emits is a slice of the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from landstrikes.extract import extract_article
from landstrikes.quotemarks import scan_quote_marks
from landstrikes.schema.registry import TABLES_BY_NAME

PIECES = st.sampled_from(
    ["“", "”", '"', "‘", "’", "'", "\n", "\r\n", "\n\n", " ", ", ", ". ", ": ", "said", " he said", "She said that ",
     "Trump", "Maria Lopez", "President", "US", "U.S.", "Mexico", "Mexican", "according to", "between 250,000 and 300,000",
     "97%", "at least 35 boats", "2024", "•", "—", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "😀", "é", "Subscribe", "Related", "the", "cartels", "|", "\t"]
)
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=80).map("".join),
)
SPANS = {
    "mentions": [("start", "end", "text")],
    "quotes": [("start", "end", "text"), ("cue_start", "cue_end", "cue_text"), ("speaker_start", "speaker_end", "speaker_text")],
    "claims": [("start", "end", "text")],
    "segments": [("start", "end", "text")],
    "quality_flags": [("start", "end", "text")],
}


def check_article(text: str) -> None:
    rows = extract_article("a", text)
    for table, triples in SPANS.items():
        ids = [r[TABLES_BY_NAME[table].id_column] for r in rows[table]]
        assert len(ids) == len(set(ids)), table
        for row in rows[table]:
            assert 0 <= row["confidence"] <= 1
            for start, end, span_text in triples:
                if row[start] is None:
                    continue
                assert 0 <= row[start] <= row[end] <= len(text)
                assert text[row[start]:row[end]] == row[span_text]
    segments = rows["segments"]
    assert sum(s["end"] - s["start"] for s in segments) == len(text)
    assert all(a["end"] == b["start"] for a, b in zip(segments, segments[1:]))
    pairs, strays = scan_quote_marks(text)
    marked = {(q["start"], q["end"]) for q in rows["quotes"] if q["kind"] in ("direct", "partial", "scare")}
    assert marked == {(p.open + 1, p.close) for p in pairs}
    orphans = [(q["start"], q["end"]) for q in rows["quotes"] if q["kind"] == "orphan"]
    for stray in strays:
        hits = [s for s in orphans if (s[0] == stray.position + 1 if stray.opens else s[1] == stray.position)]
        assert len(hits) == 1, (stray, orphans)
    quote_ids = {q["quote_id"] for q in rows["quotes"]}
    mention_ids = {m["mention_id"] for m in rows["mentions"]}
    for q in rows["quotes"]:
        assert q["parent_quote_id"] is None or q["parent_quote_id"] in quote_ids
        assert q["speaker_mention_id"] is None or q["speaker_mention_id"] in mention_ids


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_gives_valid_spans(text):
    check_article(text)


def test_huge_paragraph_without_punctuation():
    check_article("word " * 20000)


def test_huge_paragraph_of_unbalanced_quotes():
    check_article(("He said “yes and ‘no " * 2000) + "”")


def test_crlf_and_astral_characters():
    check_article("Title 😀\r\n\r\n“Quote 𝔘,” Ana Ruiz said.\r\nShe said that 97% agree.\r\n")
