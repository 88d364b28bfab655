"""What the extractor writes of an entity is derived (E3; docs/extraction.md: the catalogue is
merged across articles, every surface an alias): its id is the slug of its name (the name's
letters folded to ASCII, lower case, every run of other characters one hyphen), its description
is `auto: <type> named in <n> article(s)` with n the articles its mentions lie in, and each alias
is the text of one of its NAME mentions. attack36: on the extractor's output for dataset/raw,
`donald-trump` and `claudia-sheinbaum` swapped in every table at once (entities, mentions,
speakers, claimants), an entity retyped PERSON -> ORG, its article count changed, and an alias
no mention has added, each validated (entity-id-not-its-name exempts the extractor's rows)
[auto-entity-not-derived]."""

from __future__ import annotations

from attack36_tools import findings_of, rows_of, write_rows

CHECK = "auto-entity-not-derived"
SWAP = {"donald-trump": "claudia-sheinbaum", "claudia-sheinbaum": "donald-trump"}


def test_two_entity_ids_swapped_everywhere_are_a_finding(silver_copy):
    for table in ("entities", "mentions", "quotes", "claims"):
        rows = rows_of(silver_copy, table)
        for row in rows:
            for name in ("entity_id", "speaker_id", "claimant_id"):
                if row.get(name) in SWAP:
                    row[name] = SWAP[row[name]]
            if row.get("speaker_ids"):
                row["speaker_ids"] = sorted(SWAP.get(x, x) for x in row["speaker_ids"])
        write_rows(silver_copy, table, rows)
    assert sorted(findings_of(silver_copy, CHECK)) == [(CHECK, "claudia-sheinbaum", "entity_id"), (CHECK, "donald-trump", "entity_id")]


def _edit_entity(folder, entity_id, **values):
    rows = rows_of(folder, "entities")
    row = next(r for r in rows if r["entity_id"] == entity_id)
    row.update({k: v(row) if callable(v) else v for k, v in values.items()})
    write_rows(folder, "entities", rows)


def test_a_type_its_description_does_not_state_is_a_finding(silver_copy):
    _edit_entity(silver_copy, "claudia-sheinbaum", type="ORG")
    assert findings_of(silver_copy, CHECK) == [(CHECK, "claudia-sheinbaum", "description")]


def test_an_article_count_its_mentions_do_not_give_is_a_finding(silver_copy):
    _edit_entity(silver_copy, "claudia-sheinbaum", description=lambda r: r["description"].replace(" 5 ", " 4 "))
    assert findings_of(silver_copy, CHECK) == [(CHECK, "claudia-sheinbaum", "description")]


def test_an_alias_no_mention_has_is_a_finding(silver_copy):
    _edit_entity(silver_copy, "claudia-sheinbaum", aliases=lambda r: sorted([*r["aliases"], "Mrs Sheinbaum"]))
    assert findings_of(silver_copy, CHECK) == [(CHECK, "claudia-sheinbaum", "aliases")]


def test_the_extractor_s_own_output_passes(silver_copy):
    assert findings_of(silver_copy) == []
