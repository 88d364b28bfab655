"""False VALIDs found by the census (benchmarks/false_valid_census.py): one plausible corruption
of one cell of the built gold per class that validate passed, and the check id that now names it
(table, row id, column). Each was VALID before its check (docs/notes/census.md)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landstrikes.schema import validate


def _rewrite(folder: Path, table: str, change) -> None:
    """Apply change(columns as Python lists) to the table's one part, schema and stamps kept."""
    path = folder / "data" / table / f"{table}.parquet"
    arrow = pq.read_table(path)
    columns = {name: arrow.column(name).to_pylist() for name in arrow.column_names}
    change(columns)
    pq.write_table(pa.Table.from_pydict(columns, schema=arrow.schema), path)


def _rows(folder: Path, table: str) -> list[dict]:
    return pq.read_table(folder / "data" / table / f"{table}.parquet").to_pylist()


def _findings(folder: Path, check: str) -> list:
    report = validate(folder)
    assert report.unusable is None
    return [f for f in report.findings if f.check == check]


def _set(folder: Path, table: str, row: int, **cells) -> None:
    def change(columns):
        for name, value in cells.items():
            columns[name][row] = value
    _rewrite(folder, table, change)


def _first(rows: list[dict], want) -> int:
    return next(i for i, r in enumerate(rows) if want(r))


def test_an_unflagged_entity_with_a_flag_note_or_a_flagged_one_without_is_a_finding(dataset_copy):
    entities = _rows(dataset_copy, "entities")
    plain = _first(entities, lambda e: e["flag"] == "none")
    flagged = _first(entities, lambda e: e["flag"] != "none")
    _set(dataset_copy, "entities", plain, flag_note="Looks odd.")
    _set(dataset_copy, "entities", flagged, flag_note=None)
    found = {(f.row_id, f.column) for f in _findings(dataset_copy, "entity-flag-note-mismatch")}
    assert found == {(entities[plain]["entity_id"], "flag_note"), (entities[flagged]["entity_id"], "flag_note")}


def test_a_quantity_without_its_high_bound_is_incomplete(dataset_copy):
    claims = _rows(dataset_copy, "claims")
    row = _first(claims, lambda c: c["quantity_low"] is not None)
    _set(dataset_copy, "claims", row, quantity_high=None)
    assert [(f.row_id, f.column) for f in _findings(dataset_copy, "quantity-incomplete")] == [(claims[row]["claim_id"], "quantity_high")]


def test_an_exact_or_at_least_quantity_with_two_different_bounds_is_a_finding(dataset_copy):
    claims = _rows(dataset_copy, "claims")
    row = _first(claims, lambda c: c["quantity_bound"] == "range")
    _set(dataset_copy, "claims", row, quantity_bound="exact")
    assert [f.row_id for f in _findings(dataset_copy, "quantity-bound-mismatch")] == [claims[row]["claim_id"]]


def test_an_asserted_claim_with_a_claimant_is_a_finding(dataset_copy):
    claims = _rows(dataset_copy, "claims")
    row = _first(claims, lambda c: c["claimant_id"] is not None and c["hedging"] == "attributed")
    _set(dataset_copy, "claims", row, hedging="asserted")
    assert [(f.row_id, f.column) for f in _findings(dataset_copy, "hedging-claimant-mismatch")] == [(claims[row]["claim_id"], "hedging")]


def test_a_claimant_the_article_never_mentions_is_a_finding(dataset_copy):
    claims, mentions = _rows(dataset_copy, "claims"), _rows(dataset_copy, "mentions")
    row = _first(claims, lambda c: c["claimant_id"] is not None)
    in_article = {m["entity_id"] for m in mentions if m["article_id"] == claims[row]["article_id"]}
    stranger = next(m["entity_id"] for m in mentions if m["entity_id"] not in in_article)
    _set(dataset_copy, "claims", row, claimant_id=stranger)
    assert [(f.row_id, f.column, f.value) for f in _findings(dataset_copy, "attribution-not-mentioned")] == [
        (claims[row]["claim_id"], "claimant_id", stranger)]


def test_a_span_widened_onto_a_space_breaks_g2(dataset_copy):
    mentions, articles = _rows(dataset_copy, "mentions"), _rows(dataset_copy, "articles")
    texts = {a["article_id"]: a["text"] for a in articles}
    row = _first(mentions, lambda m: texts[m["article_id"]][m["end"]] == " ")
    m = mentions[row]
    end = m["end"] + 1
    _set(dataset_copy, "mentions", row, end=end, text=texts[m["article_id"]][m["start"]:end],
         mention_id=f"{m['article_id']}:m:{m['start']}-{end}")
    assert [(f.row_id, f.column) for f in _findings(dataset_copy, "span-edge-whitespace")] == [
        (f"{m['article_id']}:m:{m['start']}-{end}", "text")]


def test_a_name_mention_given_another_entity_is_a_finding(dataset_copy):
    mentions = _rows(dataset_copy, "mentions")
    row = _first(mentions, lambda m: m["kind"] == "NAME" and m["entity_id"] == "donald-trump")
    _set(dataset_copy, "mentions", row, entity_id="mexico")
    assert [(f.row_id, f.column) for f in _findings(dataset_copy, "name-mention-not-alias")] == [(mentions[row]["mention_id"], "text")]


def test_an_exclusion_given_another_entity_is_a_finding(dataset_copy):
    """M5: an exclusion is an occurrence of its entity's alias; given another entity, whose aliases
    do not hold its text, it passed every check (census on 2.13.0's data)."""
    exclusions = _rows(dataset_copy, "mention_exclusions")
    _set(dataset_copy, "mention_exclusions", 0, entity_id="mexico")
    assert [(f.row_id, f.column) for f in _findings(dataset_copy, "exclusion-not-alias")] == [(exclusions[0]["exclusion_id"], "entity_id")]


def test_an_exclusion_of_its_own_entitys_alias_is_no_finding(dataset_copy):
    assert not _findings(dataset_copy, "exclusion-not-alias")


def test_an_alias_dropped_from_the_catalogue_is_a_finding(dataset_copy):
    entities = _rows(dataset_copy, "entities")
    row = _first(entities, lambda e: e["entity_id"] == "claudia-sheinbaum")
    _set(dataset_copy, "entities", row, aliases=[a for a in entities[row]["aliases"] if a != "Sheinbaum"])
    assert {f.check for f in validate(dataset_copy).findings} >= {"name-mention-not-alias"}


def test_article_quality_flags_out_of_order_are_a_finding(dataset_copy):
    articles = _rows(dataset_copy, "articles")
    row = _first(articles, lambda a: len(a["quality_flags"]) > 1)
    _set(dataset_copy, "articles", row, quality_flags=articles[row]["quality_flags"][::-1])
    assert [(f.row_id, f.column) for f in _findings(dataset_copy, "list-not-sorted")] == [(articles[row]["article_id"], "quality_flags")]


def test_a_quote_moved_to_a_cluster_of_its_own_must_score_one(dataset_copy):
    quotes = _rows(dataset_copy, "quotes")
    row = _first(quotes, lambda q: q["cluster_similarity"] < 1.0)
    _set(dataset_copy, "quotes", row, cluster_id=quotes[row]["cluster_id"] + "-moved")
    assert [(f.row_id, f.column) for f in _findings(dataset_copy, "cluster-similarity-mismatch")] == [
        (quotes[row]["quote_id"], "cluster_similarity")]


def test_a_cluster_reference_scored_below_one_is_a_finding(dataset_copy):
    quotes = _rows(dataset_copy, "quotes")
    sizes = {}
    for q in quotes:
        sizes[q["cluster_id"]] = sizes.get(q["cluster_id"], 0) + 1
    row = _first(quotes, lambda q: sizes[q["cluster_id"]] == 1)
    _set(dataset_copy, "quotes", row, cluster_similarity=0.9)
    assert [f.row_id for f in _findings(dataset_copy, "cluster-similarity-mismatch")] == [quotes[row]["quote_id"]]


def test_the_census_checks_find_nothing_on_silver_output(tmp_path):
    """The extractor's output of the five raw articles obeys every census rule."""
    from landstrikes.extract.run import extract_folder
    from landstrikes.schema.census_checks import CENSUS_CHECK_IDS

    extract_folder(Path(__file__).resolve().parents[1] / "dataset" / "raw", tmp_path / "silver", num_proc=1)
    report = validate(tmp_path / "silver")
    assert [f for f in report.findings if f.check in CENSUS_CHECK_IDS] == []


def test_a_name_relabelled_nominal_is_a_finding(dataset_copy):
    mentions = _rows(dataset_copy, "mentions")
    row = _first(mentions, lambda m: m["kind"] == "NAME" and m["entity_id"] == "donald-trump")
    _set(dataset_copy, "mentions", row, kind="NOMINAL")
    assert [(f.row_id, f.column) for f in _findings(dataset_copy, "mention-kind-mismatch")] == [(mentions[row]["mention_id"], "kind")]


SPAN_COLUMNS = {"stances": ("stance_id", "evidence_start", "evidence_end", "evidence_text"),
                "claims": ("claim_id", "start", "end", "text")}
"""S5: evidence and claims are clauses (the extractor's old length cap cut 5 of 5,821 real claims inside a word)."""


@pytest.mark.parametrize("table", sorted(SPAN_COLUMNS))
@pytest.mark.parametrize("edge", ["start", "end"])
def test_a_clause_cut_inside_a_word_is_a_finding(dataset_copy, table, edge):
    key, lo, hi, text_column = SPAN_COLUMNS[table]
    rows, articles = _rows(dataset_copy, table), _rows(dataset_copy, "articles")
    texts = {a["article_id"]: a["text"] for a in articles}
    row = _first(rows, lambda r: texts[r["article_id"]][r[lo]:r[lo] + 2].isalpha() and texts[r["article_id"]][r[hi] - 2:r[hi]].isalpha())
    r = rows[row]
    start, end = (r[lo] + 1, r[hi]) if edge == "start" else (r[lo], r[hi] - 1)
    _set(dataset_copy, table, row, **{lo: start, hi: end, text_column: texts[r["article_id"]][start:end]})
    assert (r[key], lo) in [(f.row_id, f.column) for f in _findings(dataset_copy, "span-splits-word")]


def test_evidence_cut_beside_a_non_ascii_letter_is_a_finding(dataset_copy):
    """The boundary test falls back to characters where a byte is not ASCII ('Nicolás')."""
    stances, articles = _rows(dataset_copy, "stances"), _rows(dataset_copy, "articles")
    texts = {a["article_id"]: a["text"] for a in articles}
    row = _first(stances, lambda s: "Nicolás" in s["evidence_text"])
    s = stances[row]
    start = s["evidence_start"]
    end = start + s["evidence_text"].index("Nicolás") + len("Nicolá")
    _set(dataset_copy, "stances", row, evidence_end=end, evidence_text=texts[s["article_id"]][start:end])
    assert [f.row_id for f in _findings(dataset_copy, "span-splits-word")] == [s["stance_id"]]


def test_the_cluster_reference_rule_itself_finds_a_moved_quote(dataset_copy):
    """The unregistered check, run directly on a Corpus, already decides the class."""
    from landstrikes.schema.checkcorpus import Corpus
    from landstrikes.schema.quote_cluster_reference import check_quote_cluster_reference
    from landstrikes.schema.report import Report
    from landstrikes.schema.validate import load_and_check_tables

    quotes = _rows(dataset_copy, "quotes")
    row = _first(quotes, lambda q: q["cluster_similarity"] < 1.0)
    _set(dataset_copy, "quotes", row, cluster_id=quotes[row]["cluster_id"] + "-moved")
    report = Report(path=str(dataset_copy))
    corpus = Corpus.from_arrow(load_and_check_tables(dataset_copy, report))
    check_quote_cluster_reference(corpus, report)
    assert [(f.check, f.row_id) for f in report.findings] == [("cluster-similarity-mismatch", quotes[row]["quote_id"])]



def test_a_name_given_an_event_without_aliases_is_a_finding(dataset_copy):
    """M1/E6: an EVENT (or a PERSON) that lists no alias has no proper name, so no NAME mention of it;
    the exemption for alias-less entities covered every one, and "Trump" given `boat-strike-campaign`
    validated (census on 2.19.0's data)."""
    mentions = _rows(dataset_copy, "mentions")
    row = _first(mentions, lambda m: m["kind"] == "NAME" and m["text"] == "Trump")
    _set(dataset_copy, "mentions", row, entity_id="boat-strike-campaign")
    assert [(f.row_id, f.column) for f in _findings(dataset_copy, "name-mention-not-alias")] == [(mentions[row]["mention_id"], "text")]


def test_a_place_named_by_a_word_another_entity_claims_is_no_finding(dataset_copy):
    """E4: the city `washington-dc` lists no alias ("Washington" is `united-states`'s); its NAME mention
    holds a word of its own name."""
    mentions = _rows(dataset_copy, "mentions")
    assert any(m["entity_id"] == "washington-dc" and m["kind"] == "NAME" for m in mentions)
    assert not _findings(dataset_copy, "name-mention-not-alias")


def test_another_word_given_a_place_without_aliases_is_a_finding(dataset_copy):
    mentions = _rows(dataset_copy, "mentions")
    row = _first(mentions, lambda m: m["kind"] == "NAME" and m["text"] == "Trump")
    _set(dataset_copy, "mentions", row, entity_id="washington-dc")
    assert [f.row_id for f in _findings(dataset_copy, "name-mention-not-alias")] == [mentions[row]["mention_id"]]


def test_a_name_that_is_its_alias_less_entitys_own_name_is_no_finding(dataset_copy):
    """M1: a NAME mention's text is its entity's name or an alias; an event whose catalogue name is
    the mention's text is named by it, aliases or none."""
    mentions, entities = _rows(dataset_copy, "mentions"), _rows(dataset_copy, "entities")
    row = _first(mentions, lambda m: m["kind"] == "NAME" and m["text"] == "Trump")
    _set(dataset_copy, "mentions", row, entity_id="boat-strike-campaign")
    _set(dataset_copy, "entities", _first(entities, lambda e: e["entity_id"] == "boat-strike-campaign"), name="Trump")
    assert not _findings(dataset_copy, "name-mention-not-alias")
