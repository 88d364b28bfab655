"""Generated entity evidence rows (what each article contributes to the catalogue), shared by the
property tests of the catalogue merges."""

from hypothesis import strategies as st

EVIDENCE = st.fixed_dictionaries({
    "entity_id": st.sampled_from(["a", "b", "é", "a-b", "z"]),
    "name": st.sampled_from(["Ann", "ann", "Ánn", "B", "Zoe"]),
    "type": st.sampled_from(["PERSON", "ORG", "GPE"]),
    "mentions": st.integers(0, 4),
    "confidence": st.sampled_from([0.3, 0.45, 0.7, 0.8, 0.85]),
    "aliases": st.lists(st.sampled_from(["Ann", "A", "Ánn", "x"]), max_size=3),
})


def records(rows: list[dict]) -> list[tuple]:
    """Evidence rows as the records `extract_records` gives the chunk (EVIDENCE_FIELDS tuples)."""
    from landstrikes.extract.article import EVIDENCE_FIELDS

    return [tuple(r[f] for f in EVIDENCE_FIELDS) for r in rows]
