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


NAMES = st.text(st.sampled_from("abAB é"), min_size=1, max_size=3)
WIDE_EVIDENCE = st.fixed_dictionaries({
    "entity_id": st.text(st.sampled_from("abcdefgh"), min_size=1, max_size=2),
    "name": NAMES,
    "type": st.sampled_from(["PERSON", "ORG", "GPE"]),
    "mentions": st.integers(0, 4),
    "confidence": st.sampled_from([0.3, 0.45, 0.7, 0.8, 0.85, 1 / 3]),
    "aliases": st.lists(NAMES, max_size=3),
})
"""Evidence over enough entity ids that many are in one chunk only (the records' shortcut, the
entities read off one partial by Arrow kernels), others in several chunks or with several names."""


def write_partials(folder, articles: list[list[dict]], cuts: list[int]) -> None:
    """Each chunk's partial file, written as a worker writes it, for the articles cut at `cuts`
    (one evidence row per entity and article, as `extract_records` gives it)."""
    from landstrikes.extract.catalogue import ChunkEvidence, evidence_path

    articles = [list({r["entity_id"]: r for r in rows}.values()) for rows in articles]
    bounds = [0, *sorted({c for c in cuts if c <= len(articles)}), len(articles)]
    for i, (start, end) in enumerate(zip(bounds, bounds[1:])):
        chunk = ChunkEvidence()
        for rows in articles[start:end]:
            chunk.hold(records(rows))
        chunk.write(evidence_path(folder, i))
