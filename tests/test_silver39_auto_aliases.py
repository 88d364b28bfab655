"""E3 (2.27): the extractor lists every surface its entity was named by as an alias, so each text of
an extractor NAME mention is one of its entity's aliases (E3 2.24 held each alias to a NAME surface;
this is the converse). silver38's census of one-cell corruptions of the extractor's output for
dataset/raw: an alias dropped that is also the entity's name validated twice (`name-mention-not-alias`
accepts a name) [auto-alias-missing]. 0 exceptions in 25,767 BBC and 53,418 FNC-1 NAME mentions."""

from __future__ import annotations

from attack36_tools import findings_of, rows_of, write_rows

CHECK = "auto-alias-missing"


def test_an_alias_that_is_its_name_dropped_is_a_finding(silver_copy):
    entities = rows_of(silver_copy, "entities")
    entity = next(e for e in entities if e["name"] in e["aliases"] and len(e["aliases"]) > 1)
    entity["aliases"] = [a for a in entity["aliases"] if a != entity["name"]]
    write_rows(silver_copy, "entities", entities)
    assert findings_of(silver_copy) == [(CHECK, entity["entity_id"], "aliases")]


def test_every_alias_dropped_is_a_finding(silver_copy):
    """An entity left with no alias: its NAME mentions, its name's words, pass `name-mention-not-alias`."""
    entities = rows_of(silver_copy, "entities")
    entity = next(e for e in entities if e["aliases"] == [e["name"]])
    entity["aliases"] = []
    write_rows(silver_copy, "entities", entities)
    assert findings_of(silver_copy) == [(CHECK, entity["entity_id"], "aliases")]


def test_an_alias_other_than_its_name_dropped_is_the_mention_s_finding(silver_copy):
    """A surface that is neither name nor alias is `name-mention-not-alias`'s, once per mention."""
    entities = rows_of(silver_copy, "entities")
    entity = next(e for e in entities if any(a != e["name"] for a in e["aliases"]) and len(e["aliases"]) > 1)
    alias = next(a for a in entity["aliases"] if a != entity["name"])
    entity["aliases"] = [a for a in entity["aliases"] if a != alias]
    write_rows(silver_copy, "entities", entities)
    found = findings_of(silver_copy)
    assert found and {c for c, _, _ in found} == {"name-mention-not-alias"}


def test_the_extractor_s_own_aliases_pass(silver_copy):
    assert findings_of(silver_copy, CHECK) == []


def test_a_place_left_with_no_alias_named_by_a_word_of_its_name_is_a_finding(silver_copy):
    """`caribbean-sea` named "Caribbean" only (its NAME mentions narrowed to the first word, its
    aliases ["Caribbean"]: what the extractor would write), then its alias dropped: a place's NAME
    mention in words of its own name passes `name-mention-not-alias` (E4), so only this rule sees it."""
    mentions, entities = rows_of(silver_copy, "mentions"), rows_of(silver_copy, "entities")
    sea = next(e for e in entities if e["entity_id"] == "caribbean-sea")
    assert sea["aliases"] == ["Caribbean Sea"]
    for m in mentions:
        if m["entity_id"] == "caribbean-sea":
            m["end"], m["text"] = m["start"] + len("Caribbean"), "Caribbean"
            m["mention_id"] = f"{m['article_id']}:m:{m['start']}-{m['end']}"
    sea["aliases"] = ["Caribbean"]
    write_rows(silver_copy, "mentions", mentions)
    write_rows(silver_copy, "entities", entities)
    assert findings_of(silver_copy) == []
    sea["aliases"] = []
    write_rows(silver_copy, "entities", entities)
    assert findings_of(silver_copy) == [(CHECK, "caribbean-sea", "aliases")]
