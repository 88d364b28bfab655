"""Q6: a quote's speaker words are the subject of its cue: they stand in the cue's sentence and
are no part of the words another quote reports. attack52: a quote's speaker moved, mention id,
speaker ids, words and offsets and the claimant of every claim inside it all consistent, to an
entity mentioned a sentence before the cue, or to a name inside the indirect speech before the
quote, validated [speaker-off-cue-sentence], [speaker-inside-other-quote]."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows

from landstrikes.schema.cue_subjects import _ends_a_sentence


def give_speaker(folder, speaker_text: str, cue_text: str, mention_text: str, before_speaker: bool) -> list[str]:
    """The quotes of one cue (Q3: a split quote's halves share it) whose speaker words are `speaker_text` given the mention `mention_text`
    on the cue's line (the nearest before the speaker words, or after them), every column that
    names the speaker moved with it, as a producer that picked the wrong subject writes them.
    Returns the moved quotes' ids."""
    texts = {a["article_id"]: a["text"] for a in rows_of(folder, "articles")}
    quotes, mentions, claims = (rows_of(folder, t) for t in ("quotes", "mentions", "claims"))
    quote = next(q for q in quotes if q["speaker_text"] == speaker_text and q["cue_text"] == cue_text)
    article = texts[quote["article_id"]]
    line = article.rfind("\n", 0, quote["cue_start"]) + 1, article.find("\n", quote["cue_end"])
    on_line = [m for m in mentions if m["article_id"] == quote["article_id"] and m["text"] == mention_text
               and line[0] <= m["start"] and m["end"] <= line[1] and m["entity_id"] != quote["speaker_id"]
               and (m["end"] <= quote["speaker_start"] if before_speaker else m["start"] >= quote["speaker_end"])]
    mention = max(on_line, key=lambda m: m["start"]) if before_speaker else min(on_line, key=lambda m: m["start"])
    old, moved = quote["speaker_id"], []
    for q in quotes:
        if q["article_id"] == quote["article_id"] and (q["speaker_mention_id"], q["cue_start"]) == (quote["speaker_mention_id"], quote["cue_start"]):
            q.update(speaker_id=mention["entity_id"], speaker_mention_id=mention["mention_id"], speaker_ids=[mention["entity_id"]],
                     speaker_start=mention["start"], speaker_end=mention["end"], speaker_text=mention["text"])
            moved.append(q["quote_id"])
            for c in claims:
                if c["article_id"] == q["article_id"] and q["start"] <= c["start"] and c["end"] <= q["end"] and c["claimant_id"] == old:
                    c["claimant_id"] = mention["entity_id"]
    write_rows(folder, "quotes", quotes)
    write_rows(folder, "claims", claims)
    return moved


def test_a_speaker_a_sentence_before_its_cue_is_a_finding(dataset_copy):
    """a004: "... Trump says the US will start hitting drug cartels ... . Former U.S. President
    Donald Trump, speaking in a high-profile interview, declared that ...": the declaration's
    speaker given the US, named a sentence before the cue."""
    moved = give_speaker(dataset_copy, "Donald Trump", "declared", "US", before_speaker=True)
    assert findings_of(dataset_copy, "speaker-off-cue-sentence") == [
        ("speaker-off-cue-sentence", quote_id, "speaker_start") for quote_id in moved]


def test_a_speaker_inside_another_quotes_words_is_a_finding(dataset_copy):
    """a004: "Trump argued that Mexican cartels wield enormous power, contending, “The cartels are
    running Mexico,”": the direct quote given the "Mexican" inside the indirect speech of "argued"."""
    moved = give_speaker(dataset_copy, "Trump", "contending", "Mexican", before_speaker=False)
    assert findings_of(dataset_copy, "speaker-inside-other-quote") == [
        ("speaker-inside-other-quote", quote_id, "speaker_start") for quote_id in moved]
    assert findings_of(dataset_copy, "speaker-off-cue-sentence") == []


def test_the_gold_speakers_stand_in_their_cues_sentences(dataset_copy):
    """Q4's nested quote (its speaker "I" inside its parent) and every other gold row hold both rules."""
    assert findings_of(dataset_copy, "speaker-off-cue-sentence") == []
    assert findings_of(dataset_copy, "speaker-inside-other-quote") == []


@pytest.mark.parametrize("gap, ends", [
    (", the U.S. President, ", False),             # an initialism
    (" and Calif. Gov. ", False),                   # short forms before capitals
    (" Atty. Gen. ", False),                        # "said Atty. Gen. <Name>": the title between cue and name
    (" ... Then ", False),                          # an ellipsis
    (", who called it “a mess. A disaster,” ", False),  # a stop inside quoted words between the two
    (" will act. Former ", True),
    (" said no! The ", True),
    (" in 2024. Officials ", True),
    (" it. “Now ", True),
    (" it. then ", False),                          # a lower-case word after the stop goes on
])
def test_what_ends_a_sentence_between_speaker_and_cue(gap, ends):
    start = gap.find("“") + 1
    spans = ([start], [gap.find("”")]) if start else ([], [])
    assert _ends_a_sentence(gap, 0, spans) is ends


def plain_gap_ends_a_sentence(text, gap_start, gap_end, quote_starts, quote_ends) -> bool:
    """The rule read off the whole text: every sentence end of the text, then those in the gap."""
    from landstrikes.schema.cue_subjects import _CUT, _short_form_before

    for cut in _CUT.finditer(text):
        stop = cut.start()
        if not gap_start <= stop < gap_end or _short_form_before(text, stop):
            continue
        holders = [(s, e) for s, e in zip(quote_starts, quote_ends) if s <= stop < e]
        if not holders or (max(s for s, _ in holders) <= gap_start and min(e for _, e in holders) >= gap_end):
            return True
    return False


def test_a_gap_read_from_its_own_start_finds_what_a_reading_of_the_whole_text_finds():
    # session 38: the check read every article's sentence ends (2.3 user CPU-s at 10^5 quote rows);
    # it now reads only the gaps that hold a stop mark, each from its start
    import random

    import numpy as np

    from landstrikes.schema.cue_subjects import _gap_ends_a_sentence

    pieces = ["Gov.", "U.S.", "said", "he", "The", "it", "...", ".", "!", "?", "”", "“", ". ", ".” ", "Then", "then", " ", "\n"]
    rng = random.Random(38)
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        g0 = rng.randint(0, len(text))
        g1 = rng.randint(g0, len(text))
        spans = sorted(rng.sample(range(len(text) + 1), 2 * rng.randint(0, 2))) if len(text) > 4 else []
        starts, ends = np.array(spans[0::2], np.int64), np.array(spans[1::2], np.int64)
        assert _gap_ends_a_sentence(text, g0, g1, starts, ends) == plain_gap_ends_a_sentence(text, g0, g1, starts, ends), \
            (text, g0, g1, spans)
