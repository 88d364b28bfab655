"""M3 (2.26): a pronoun refers back to an entity its article names or describes, so a PRONOUN
mention's entity has a NAME or NOMINAL mention in the same article. silver38: on the extractor's
output for dataset/raw, a000's "she" moved from `claudia-sheinbaum` to a person named only in
another article (its quotes' speaker, the entity's article count moved with it), and on the gold
a000's "her" moved the same way, each validated [pronoun-entity-not-in-article]. The extractor
keeps the rule on 1,417 BBC and 1,499 FNC-1 pronouns, the gold on its 16."""

from __future__ import annotations

import re

from attack36_tools import findings_of, rows_of, write_rows

CHECK = "pronoun-entity-not-in-article"
A000 = "000_68b95635092649cd"


def _elsewhere(mentions, entities, article):
    """A PERSON of the catalogue no mention of `article` names."""
    here = {m["entity_id"] for m in mentions if m["article_id"] == article}
    return next(e["entity_id"] for e in entities if e["type"] == "PERSON" and e["entity_id"] not in here
                and any(m["entity_id"] == e["entity_id"] for m in mentions))


def test_a_silver_pronoun_given_a_person_of_another_article_is_a_finding(silver_copy):
    mentions, entities, quotes = (rows_of(silver_copy, t) for t in ("mentions", "entities", "quotes"))
    she = next(m for m in mentions if m["article_id"] == A000 and m["kind"] == "PRONOUN" and m["text"] == "she")
    old, new = she["entity_id"], _elsewhere(mentions, entities, A000)
    she["entity_id"] = new
    spoken = [q for q in quotes if q["speaker_mention_id"] == she["mention_id"]]
    assert spoken
    for q in spoken:
        q["speaker_id"], q["speaker_ids"] = new, [new]
    claims = rows_of(silver_copy, "claims")
    for c in claims:  # a claim inside one of its quotes is its speaker's (C11)
        if c["claimant_id"] == old and any(c["article_id"] == q["article_id"] and c["start"] <= q["end"] and q["start"] < c["end"] for q in spoken):
            c["claimant_id"] = new
    articles = {}
    for m in mentions:
        articles.setdefault(m["entity_id"], set()).add(m["article_id"])
    for e in entities:
        e["description"] = re.sub(r"named in \d+ ", f"named in {len(articles.get(e['entity_id'], ()))} ", e["description"])
    for table, rows in (("mentions", mentions), ("quotes", quotes), ("claims", claims), ("entities", entities)):
        write_rows(silver_copy, table, rows)
    assert findings_of(silver_copy) == [(CHECK, she["mention_id"], "entity_id")]


def test_a_gold_pronoun_given_a_person_of_another_article_is_a_finding(dataset_copy):
    mentions, entities = rows_of(dataset_copy, "mentions"), rows_of(dataset_copy, "entities")
    her = next(m for m in mentions if m["article_id"] == A000 and m["kind"] == "PRONOUN" and m["text"] == "her")
    assert not any(q["speaker_mention_id"] == her["mention_id"] for q in rows_of(dataset_copy, "quotes"))
    her["entity_id"] = _elsewhere(mentions, entities, A000)
    write_rows(dataset_copy, "mentions", mentions)
    assert findings_of(dataset_copy) == [(CHECK, her["mention_id"], "entity_id")]


def test_a_pronoun_whose_entity_is_named_only_after_it_passes(silver_copy):
    """Cataphora is left alone: the NAME or NOMINAL may come after the pronoun."""
    mentions = rows_of(silver_copy, "mentions")
    she = next(m for m in mentions if m["article_id"] == A000 and m["kind"] == "PRONOUN" and m["text"] == "she")
    before = [m for m in mentions if m["article_id"] == A000 and m["entity_id"] == she["entity_id"] and m["start"] < she["start"]]
    after = [m for m in mentions if m["article_id"] == A000 and m["entity_id"] == she["entity_id"] and m["start"] > she["start"]
             and m["kind"] == "NAME"]
    assert before and after
    write_rows(silver_copy, "mentions", [m for m in mentions if m not in before])
    assert CHECK not in {c for c, _, _ in findings_of(silver_copy)}


def test_the_extractor_s_and_the_gold_s_own_pronouns_pass(silver_copy, dataset_copy):
    assert findings_of(silver_copy, CHECK) == [] and findings_of(dataset_copy, CHECK) == []
