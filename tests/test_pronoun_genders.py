"""M3 (2.41): one person's gendered pronouns in one article agree [pronoun-gender-mismatch].
attack55 found a000's "she" of `claudia-sheinbaum` given to `donald-trump` (who is "him" there)
VALID, with every other check holding."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
from attack36_tools import findings_of, part, rows_of, write_rows

from landstrikes.schema.pronoun_genders import GENDERS

CHECK = "pronoun-gender-mismatch"
A004 = "004_26f752040ea19616"


def _pronoun(mentions, article, word):
    return next(m for m in mentions if m["article_id"] == article and m["kind"] == "PRONOUN" and m["text"] == word)


def _moved_with_its_quotes(folder, mention, entity):
    """`mention` given to `entity`, with every quote it is the speaker of and every claim inside
    those quotes (C11: the speaker's), so that no other rule sees the edit."""
    old, mention["entity_id"] = mention["entity_id"], entity
    quotes, claims = rows_of(folder, "quotes"), rows_of(folder, "claims")
    spoken = [q for q in quotes if q["speaker_mention_id"] == mention["mention_id"]]
    for quote in spoken:
        quote["speaker_id"], quote["speaker_ids"] = entity, [entity]
    for claim in claims:
        if claim["claimant_id"] == old and any(claim["article_id"] == q["article_id"] and claim["start"] < q["end"]
                                               and q["start"] < claim["end"] for q in spoken):
            claim["claimant_id"] = entity
    write_rows(folder, "quotes", quotes)
    write_rows(folder, "claims", claims)


def test_a_she_given_to_a_man_who_is_he_in_the_article_is_named(dataset_copy):
    mentions = rows_of(dataset_copy, "mentions")
    she = _pronoun(mentions, A004, "She")
    _moved_with_its_quotes(dataset_copy, she, "donald-trump")
    write_rows(dataset_copy, "mentions", mentions)
    assert findings_of(dataset_copy) == [(CHECK, she["mention_id"], "entity_id")]  # the minority only


def test_a_tie_names_both_genders_rows(dataset_copy):
    """a000: Trump is "him" once; Sheinbaum's last "she" given to him makes one of each."""
    mentions = rows_of(dataset_copy, "mentions")
    him = _pronoun(mentions, "000_68b95635092649cd", "him")
    she = [m for m in mentions if m["article_id"] == him["article_id"] and m["text"] == "she"][-1]
    _moved_with_its_quotes(dataset_copy, she, "donald-trump")
    write_rows(dataset_copy, "mentions", mentions)
    assert sorted(row for _, row, _ in findings_of(dataset_copy, CHECK)) == sorted([him["mention_id"], she["mention_id"]])


def test_the_extractor_s_pronouns_make_no_such_promise(dataset_copy):
    mentions = rows_of(dataset_copy, "mentions")
    she = _pronoun(mentions, A004, "She")
    she["entity_id"] = "donald-trump"
    for m in mentions:
        if m["article_id"] == A004 and m["entity_id"] == "donald-trump" and m["kind"] == "PRONOUN":
            m["source"], m["confidence"] = "auto", 0.5
    write_rows(dataset_copy, "mentions", mentions)
    assert findings_of(dataset_copy, CHECK) == []


def test_they_and_i_have_no_gender_and_the_gold_passes(dataset_copy):
    assert not {"they", "it", "i", "we"} & set(GENDERS)
    assert findings_of(dataset_copy, CHECK) == []


def test_a_null_entity_or_text_is_another_check_s_finding_not_this_one_s(dataset_copy):
    """Nulls another writer left (the schema's non-null flags dropped) are named by their own checks."""
    mentions = rows_of(dataset_copy, "mentions")
    _pronoun(mentions, A004, "She")["entity_id"] = None
    next(m for m in mentions if m["kind"] == "PRONOUN" and m["text"] == "him")["text"] = None
    path = part(dataset_copy, "mentions")
    schema = pq.read_schema(path)
    loose = pa.schema([field.with_nullable(True) for field in schema], metadata=schema.metadata)
    pq.write_table(pa.Table.from_pylist(mentions, schema=loose), path)
    found = findings_of(dataset_copy)
    assert found and CHECK not in {check for check, _, _ in found}
