"""E3: an entity id is a readable slug of its canonical name, so it shares a word with the name or
one of its aliases (the first four letters of a word: `boat-strike-campaign` for "US strikes on
drug-smuggling boats"). attack35: the ids `donald-trump` and `claudia-sheinbaum` swapped in every
table at once (entities, mentions, quotes' speakers, claims' claimants, stances' holders and their
ids), as an id map off by one row writes them, validated [entity-id-not-its-name]."""

from __future__ import annotations

from attack25_tools import findings_of, rows_of, write_rows

CHECK = "entity-id-not-its-name"
SWAP = {"donald-trump": "claudia-sheinbaum", "claudia-sheinbaum": "donald-trump"}
COLUMNS = {"entities": ("entity_id",), "mentions": ("entity_id",), "quotes": ("speaker_id", "event_id"),
           "claims": ("claimant_id",), "stances": ("holder_id",)}


def _swap_stance_id(stance_id: str) -> str:
    article, _, rest = stance_id.partition(":s:")
    holder, _, target = rest.partition(":")
    return f"{article}:s:{SWAP.get(holder, holder)}:{target}"


def test_two_entity_ids_swapped_in_every_table_are_a_finding(dataset_copy):
    for table, columns in COLUMNS.items():
        rows = rows_of(dataset_copy, table)
        for row in rows:
            for c in columns:
                row[c] = SWAP.get(row[c], row[c])
            if table == "quotes":
                row["speaker_ids"] = sorted(SWAP.get(s, s) for s in row["speaker_ids"])
            if table == "stances":
                row["stance_id"] = _swap_stance_id(row["stance_id"])
        if table == "entities":
            rows.sort(key=lambda e: e["entity_id"])
        write_rows(dataset_copy, table, rows)
    assert sorted(findings_of(dataset_copy, CHECK)) == [(CHECK, "claudia-sheinbaum", "entity_id"), (CHECK, "donald-trump", "entity_id")]


def test_the_extractor_s_ids_are_left_to_it(dataset_copy):
    entities = rows_of(dataset_copy, "entities")
    row = next(e for e in entities if e["entity_id"] == "donald-trump")
    row.update(name="Claudia Sheinbaum", aliases=[], source="auto", confidence=0.5)
    write_rows(dataset_copy, "entities", entities)
    assert findings_of(dataset_copy, CHECK) == []


def test_the_gold_ids_pass(dataset_copy):
    assert findings_of(dataset_copy, CHECK) == []
