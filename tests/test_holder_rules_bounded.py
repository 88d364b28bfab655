"""S3's and S5's holder rules (`holder-group-mismatch`, `holder-not-speaker`) ask which speaker words
a stance's evidence holds. They listed every (stance, quote) pair in relation: nested stances over
nested quotes of one article pair the square of their rows (2,000 of each: 8.4 CPU-s in the two
rules; attack30's open item). They now count, key by key and speaker by speaker, and list pairs
only for a finding's evidence holding at most MAX_SPEAKERS_LISTED quotes.

The tests count the pairs listed (not seconds), and the findings are those of the rules' plain
statement (every pair looked at) on random corpora."""

from __future__ import annotations

import random
import re

import pytest

import landstrikes.schema.group_holders as group_holders
from attack25_tools import rows_of, write_rows
from landstrikes.schema import validate

A000 = "000_68b95635092649cd"
CHECKS = ("holder-group-mismatch", "holder-not-speaker")
WORDS = ("Security analysts", "legal experts", "critics", "officials and critics", "the poll", "a man", "Lawyers")
SPEAKERS = ("donald-trump", "claudia-sheinbaum", "marco-rubio", "nicolas-maduro")


def _text(folder) -> str:
    return next(a["text"] for a in rows_of(folder, "articles") if a["article_id"] == A000)


def _add(folder, stances=(), quotes=(), mentions=()) -> None:
    """Rows added to article 000, each made from a gold row of its kind (other rules may object;
    these two still judge)."""
    for table, extra, key in (("stances", stances, "holder_kind"), ("quotes", quotes, "speaker_status"), ("mentions", mentions, None)):
        rows = rows_of(folder, table)
        templates = {r[key] if key else None: r for r in rows if r["article_id"] == A000}
        write_rows(folder, table, rows + [{**templates[r.pop("_like", None)], **r} for r in extra])


def _stance(n, kind, start, end, **values):
    return {"_like": kind, "stance_id": f"{A000}:s:test{n}", "holder_kind": kind, "evidence_start": start, "evidence_end": end,
            **values}


def _quote(n, status, start, end, **values):
    return {"_like": status, "quote_id": f"{A000}:q:test{n}", "speaker_status": status, "speaker_start": start,
            "speaker_end": end, "parent_quote_id": None, **values}


def _findings(folder) -> list[tuple[str, str, str]]:
    return [(f.check, str(f.row_id), f.message) for f in validate(folder).findings if f.check in CHECKS]


def _pairs_listed(monkeypatch) -> list[int]:
    listed = []
    plain = group_holders.same_article_span_pairs

    def counted(*args, **kwargs):
        pairs = plain(*args, **kwargs)
        listed.append(0 if pairs is None else len(pairs.left))
        return pairs

    monkeypatch.setattr(group_holders, "same_article_span_pairs", counted)
    return listed


def test_nested_stances_over_nested_quotes_are_counted_not_paired(dataset_copy, monkeypatch):
    k = 300
    n = len(_text(dataset_copy))
    _add(dataset_copy,
         stances=[_stance(i, "group", 0, n - i % 50, holder_group="citizens") for i in range(k)]
         + [_stance(k + i, "entity", 0, n - i % 50, holder_id="nobody-here") for i in range(k)],
         quotes=[_quote(i, "unnamed_source", 100 + i, 110 + i, speaker_text="Security analysts") for i in range(k)]
         + [_quote(k + i, "attributed", 100 + i, 110 + i, speaker_id=SPEAKERS[i % 2]) for i in range(k)])
    listed = _pairs_listed(monkeypatch)
    found = [f for f in _findings(dataset_copy) if f[1].startswith(f"{A000}:s:test")]
    assert len(found) == 2 * k  # every nested stance, once
    assert all("claudia-sheinbaum or donald-trump" in message for check, _, message in found if check == "holder-not-speaker")
    assert sum(listed) <= group_holders.MAX_SPEAKERS_LISTED * len(found)  # the square was 2 * 300 * 300 and more


def test_an_evidence_holding_quotes_of_too_many_speakers_names_the_first_the_last_and_the_count(dataset_copy):
    many = group_holders.MAX_SPEAKERS_LISTED + 5
    n = len(_text(dataset_copy))
    _add(dataset_copy, stances=[_stance(0, "entity", 0, n, holder_id="nobody-here")],
         quotes=[_quote(i, "attributed", 100 + i, 110 + i, speaker_id=f"speaker-{i:03d}") for i in range(many)])
    (found,) = [f for f in _findings(dataset_copy) if f[1] == f"{A000}:s:test0"]
    named = re.search(r"gives to the speakers of (\d+) quotes \('([^']+)' first, '([^']+)' last\)", found[2])
    held = [q for q in rows_of(dataset_copy, "quotes") if q["article_id"] == A000 and q["speaker_status"] == "attributed"]
    assert named and int(named[1]) == len(held)  # the gold's quotes of 000 and the added ones, each in the evidence
    assert (named[2], named[3]) == (held[0]["speaker_id"], "speaker-104")  # the first and the last in table order


_WORD = re.compile(r"\w+")


def _plain_findings(folder) -> list[tuple[str, str, str]]:
    """S3 and S5's rules as stated, every (stance, quote) and (stance, mention) pair looked at."""
    stances, quotes, mentions = (rows_of(folder, t) for t in ("stances", "quotes", "mentions"))

    def held(stance, row, start, end):
        return row["article_id"] == stance["article_id"] and stance["evidence_start"] <= row[start] and row[end] <= stance["evidence_end"]

    out = []
    for s in stances:
        if s["holder_kind"] != "group" or s["holder_group"] is None or s["source"] == "auto":
            continue
        keys = {group_holders._KEY_OF[w] for q in quotes if q["speaker_status"] == "unnamed_source" and q["speaker_text"] is not None
                and held(s, q, "speaker_start", "speaker_end") for w in _WORD.findall(q["speaker_text"].lower()) if w in group_holders._KEY_OF}
        if keys and s["holder_group"] not in keys:
            out.append(("holder-group-mismatch", s["stance_id"],
                        f"the evidence names its holder with speaker words of an unnamed source that S3 keys "
                        f"{' or '.join(sorted(keys))}, not {s['holder_group']!r} (S3, Q16)"))
    for s in stances:
        if s["holder_kind"] != "entity" or s["holder_id"] is None or s["source"] == "auto":
            continue
        speakers = {q["speaker_id"] for q in quotes if q["speaker_status"] == "attributed" and q["speaker_id"] is not None
                    and held(s, q, "speaker_start", "speaker_end")}
        if not speakers or s["holder_id"] in speakers:
            continue
        if s["holder_id"] not in {m["entity_id"] for m in mentions if held(s, m, "start", "end")}:
            out.append(("holder-not-speaker", s["stance_id"],
                        f"the evidence is a clause the text gives to {' or '.join(sorted(speakers))} (its speaker words lie in it), "
                        f"and it does not mention {s['holder_id']!r} (S3, S5)"))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_the_holder_rules_are_their_plain_statement_on_random_corpora(dataset_copy, seed):
    rnd = random.Random(seed)
    n = len(_text(dataset_copy))

    def span(longest):
        start = rnd.randrange(n - 1)
        return start, min(n, start + rnd.randint(1, longest))

    wide = 4000 if seed % 2 else 600  # odd seeds: evidence holding over MAX_SPEAKERS_LISTED quotes
    _add(dataset_copy,
         stances=[_stance(i, "group", *span(wide), holder_group=rnd.choice(sorted(group_holders.GROUP_WORDS))) for i in range(30)]
         + [_stance(30 + i, "entity", *span(wide), holder_id=rnd.choice(SPEAKERS)) for i in range(30)],
         quotes=[_quote(i, "unnamed_source", *span(20), speaker_text=rnd.choice(WORDS)) for i in range(80)]
         + [_quote(80 + i, "attributed", *span(20), speaker_id=rnd.choice(SPEAKERS)) for i in range(160)],
         mentions=[{"_like": None, "mention_id": f"{A000}:m:test{i}", "entity_id": rnd.choice(SPEAKERS), "start": a, "end": b}
                   for i, (a, b) in enumerate(span(15) for _ in range(40))])
    found = _findings(dataset_copy)
    assert found == _plain_findings(dataset_copy)
    assert any(f[1].startswith(f"{A000}:s:test") for f in found)  # the corpus is one the rules judge


def test_a_partner_of_its_own_entity_is_counted_only_where_both_values_are_known_and_equal():
    import numpy as np
    import pandas as pd

    from landstrikes.schema.checkcorpus import same_article_span_match

    stances = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "start": [0, 0, 0, 0], "end": [10, 10, 10, 10],
                            "holder_id": ["x", None, "y", "x"]})
    quotes = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "start": [1, 2, 3, 20], "end": [2, 3, 4, 21],
                           "speaker_id": ["x", None, "x", "x"]})
    rows = np.arange(4)
    counts = same_article_span_match(stances, rows, quotes, rows, "holds", "count", also=("holder_id", "speaker_id"))
    assert counts.tolist() == [2, 0, 0, 0]  # a null holder meets no null speaker; b's quote lies outside
    assert same_article_span_match(stances, rows, quotes, rows, "holds", "count").tolist() == [3, 3, 3, 0]
