"""M1 and M2: a catalogued name is a NAME. "Every occurrence of a catalogued entity's name or alias
... is a mention" (M2), and a proper name is kind NAME (M1); only the entity it stands for may be
another's (M5's `washington-dc`). attack26 gave the NAME mention "Claudia Sheinbaum" to
`donald-trump` as a NOMINAL (two cells, the id is the span's): validate said VALID, because
`mention-kind-mismatch` asked only whether the text names the mention's own entity, and
`name-mention-not-alias` judges NAME rows only. The gold and the extractor's output (dataset/raw,
927 BBC texts) hold the rule; the extractor's rows are exempt all the same, since its catalogue is
its own guess (it once catalogued an entity named "his")."""

from __future__ import annotations

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "mention-kind-mismatch"


def _sheinbaum_as(folder, kind: str, entity_id: str = "donald-trump", text_of=None) -> str:
    mentions = rows_of(folder, "mentions")
    mention = next(m for m in mentions if m["kind"] == "NAME" and m["text"] == "Claudia Sheinbaum")
    mention.update(kind=kind, entity_id=entity_id)
    write_rows(folder, "mentions", mentions)
    return mention["mention_id"]


def test_a_name_given_to_another_entity_as_a_nominal_is_a_finding(dataset_copy):
    mention_id = _sheinbaum_as(dataset_copy, "NOMINAL")
    assert findings_of(dataset_copy, CHECK) == [(CHECK, mention_id, "kind")]


def test_a_name_given_to_another_entity_as_a_nominal_of_an_aliasless_entity_is_a_finding(dataset_copy):
    aliasless = next(e["entity_id"] for e in rows_of(dataset_copy, "entities") if not e["aliases"] and e["type"] == "PERSON")
    mention_id = _sheinbaum_as(dataset_copy, "NOMINAL", aliasless)
    assert (CHECK, mention_id, "kind") in findings_of(dataset_copy, CHECK)


def test_the_extractors_nominals_are_exempt(dataset_copy):
    mentions = rows_of(dataset_copy, "mentions")
    mention = next(m for m in mentions if m["kind"] == "NAME" and m["text"] == "Claudia Sheinbaum")
    mention.update(kind="NOMINAL", entity_id="donald-trump", source="auto", confidence=0.5)
    write_rows(dataset_copy, "mentions", mentions)
    assert findings_of(dataset_copy, CHECK) == []


def test_the_gold_calls_every_catalogued_name_a_name(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []
