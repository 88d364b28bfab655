"""The cross-article passes' figures (the ninth: clusters; the tenth: record status) measure what
they say: a pass equal to its partner release scores 1 everywhere, each kind of disagreement moves
its own figure, and a pass that skips, repeats or invents an item is one line naming file and line."""

from __future__ import annotations

import shutil
from itertools import combinations
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.documents.claimspass_registry import CROSS_ARTICLE_PASSES
from landstrikes.documents.agreement import cohen_kappa, prf
from landstrikes.documents.crossarticlepasses import _links, cluster_pass_agreement, record_pass_agreement
from landstrikes.errors import BuildError

DATASET = Path(__file__).resolve().parent.parent / "dataset"
NINTH, TENTH = CROSS_ARTICLE_PASSES
PARTNER = NINTH.partner


def _table(name: str) -> list[dict]:
    return pq.read_table(DATASET / PARTNER / name).to_pylist()


def _write(path: Path, header: tuple[str, ...], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join("\t".join(row) for row in [list(header), *rows]) + "\n", encoding="utf-8")


def gold_as_a_cluster_pass(dataset: Path, edit=lambda rows: rows) -> None:
    clusters = [[c["cluster_id"], c["proposition"], " | ".join(f"{v}: {p}" for v, p in zip(c["variant_ids"], c["variant_propositions"]))]
                for c in _table("claim_clusters")]
    _write(dataset / NINTH.folder / "clusters.tsv", ("cluster", "proposition", "variants"), clusters)
    rows = [[c["claim_id"], c["cluster_id"], c["variant_id"] or ""] for c in _table("claims")]
    _write(dataset / NINTH.folder / "assignments.tsv", ("claim_id", "cluster", "variant"), edit(rows))


def gold_as_a_record_pass(dataset: Path, edit=lambda rows: rows) -> None:
    rows = []
    for c in _table("claim_clusters"):
        if c["variant_ids"]:
            rows += [[c["cluster_id"], v, s, "", "high"] for v, s in zip(c["variant_ids"], c["variant_record_statuses"])]
        else:
            rows.append([c["cluster_id"], "", c["record_status"], "", "high"])
    _write(dataset / TENTH.folder / "record.tsv", ("cluster_id", "variant_id", "record_status", "record_note", "confidence"), edit(rows))


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    shutil.copytree(DATASET / PARTNER.parent, tmp_path / PARTNER.parent)  # the whole release: it is verified
    return tmp_path


def test_a_dataset_without_the_passes_has_no_figures(dataset):
    assert cluster_pass_agreement(dataset) is None and record_pass_agreement(dataset) is None


def test_a_cluster_pass_equal_to_the_partner_agrees_on_everything(dataset):
    gold_as_a_cluster_pass(dataset)
    figures = cluster_pass_agreement(dataset)
    assert figures["claims"] == len(_table("claims")) and figures["pass_clusters"] == figures["gold_clusters"]
    assert figures["bcubed"]["f1"] == 1.0 and figures["across_articles"]["link"]["f1"] == 1.0
    assert figures["within_article"]["same_cluster_kappa"] == 1.0 and figures["consistency_kappa"] == 1.0
    # the labels derived from the partner's clusters are the partner's own (C9 as the build applies it)
    released = {}
    for c in _table("claims"):
        released[c["consistency"]] = released.get(c["consistency"], 0) + 1
    assert figures["consistency"]["gold"] == dict(sorted(released.items()))


def test_merging_two_single_article_clusters_across_articles_corroborates_both(dataset):
    claims = _table("claims")
    alone = {}
    for c in claims:
        alone.setdefault(c["cluster_id"], set()).add(c["article_id"])
    (a, b) = [next(c for c in claims if alone[c["cluster_id"]] == {article} and c["consistency"] == "uncorroborated")
              for article in sorted({c["article_id"] for c in claims})[:2]]

    def edit(rows):
        for row in rows:
            if row[1] == b["cluster_id"]:
                row[1] = a["cluster_id"]
        return rows

    gold_as_a_cluster_pass(dataset, edit)
    figures = cluster_pass_agreement(dataset)
    assert figures["pass_clusters"] == figures["gold_clusters"] - 1
    assert figures["across_articles"]["link"]["precision"] < 1.0 and figures["across_articles"]["link"]["recall"] == 1.0
    assert figures["consistency"]["pass"]["corroborated"] > figures["consistency"]["gold"]["corroborated"]
    assert figures["bcubed"]["precision"] < 1.0 and figures["bcubed"]["recall"] == 1.0


def test_a_variant_dropped_removes_the_contradiction(dataset):
    gold_as_a_cluster_pass(dataset, lambda rows: [[i, c, ""] for i, c, _ in rows])
    figures = cluster_pass_agreement(dataset)
    assert figures["bcubed"]["f1"] == 1.0 and "contradicted" not in figures["consistency"]["pass"]
    assert figures["consistency_kappa"] < 1.0


def test_a_record_pass_equal_to_the_partner_agrees_and_each_change_moves_the_figures(dataset):
    gold_as_a_record_pass(dataset)
    assert record_pass_agreement(dataset)["record_status_kappa"] == 1.0

    def edit(rows):
        rows[0][2] = "unknown" if rows[0][2] != "unknown" else "matches"
        rows[0][4] = "low"
        return rows

    gold_as_a_record_pass(dataset, edit)
    figures = record_pass_agreement(dataset)
    n = figures["propositions"]
    assert figures["record_status_agreement"] == round((n - 1) / n, 4)
    assert figures["high_confidence"] == {"propositions": n - 1, "agreement": 1.0}
    assert sum(figures["confusion"].values()) == n and figures["claim_record_status_agreement"] < 1.0


@pytest.mark.parametrize("write, figures, file, edit, problem", [
    (gold_as_a_cluster_pass, cluster_pass_agreement, "assignments.tsv", lambda rows: rows[1:], "lacks the claim"),
    (gold_as_a_cluster_pass, cluster_pass_agreement, "assignments.tsv", lambda rows: rows + [rows[0]], "is given on line 2 too"),
    (gold_as_a_cluster_pass, cluster_pass_agreement, "assignments.tsv", lambda rows: [[rows[0][0] + "x", *rows[0][1:]], *rows[1:]],
     "is no claim of release 2.24.1"),
    (gold_as_a_cluster_pass, cluster_pass_agreement, "assignments.tsv", lambda rows: [[rows[0][0], "no-such-cluster", ""], *rows[1:]],
     "column cluster: 'no-such-cluster' is not in clusters.tsv"),
    (gold_as_a_cluster_pass, cluster_pass_agreement, "assignments.tsv", lambda rows: [[rows[0][0], rows[0][1], "as-dreamt"], *rows[1:]],
     "column variant: 'as-dreamt' is no variant"),
    (gold_as_a_cluster_pass, cluster_pass_agreement, "clusters.tsv", None, "is not two or more distinct `key: proposition` items"),
    (gold_as_a_record_pass, record_pass_agreement, "record.tsv", lambda rows: rows[:-1], "lacks the proposition"),
    (gold_as_a_record_pass, record_pass_agreement, "record.tsv", lambda rows: rows + [rows[3]], "is given on line 5 too"),
    (gold_as_a_record_pass, record_pass_agreement, "record.tsv", lambda rows: [["c-invented", "", "matches", "", "high"], *rows],
     "is no proposition of release 2.24.1"),
    (gold_as_a_record_pass, record_pass_agreement, "record.tsv", lambda rows: [[*rows[0][:2], "true", *rows[0][3:]], *rows[1:]],
     "column record_status: 'true' is not one of"),
])
def test_a_pass_that_skips_repeats_or_invents_an_item_is_one_line_naming_the_file(dataset, write, figures, file, edit, problem):
    if edit is None:  # the catalogue's variants without their wording: keys only
        write(dataset)
        catalogue = dataset / NINTH.folder / "clusters.tsv"
        text = catalogue.read_text(encoding="utf-8")
        catalogue.write_text(text.replace(": ", " ").replace(":", " "), encoding="utf-8")
    else:
        write(dataset, edit)
    with pytest.raises(BuildError) as raised:
        figures(dataset)
    message = str(raised.value)
    assert file in message and problem in message and "\n" not in message


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 5), st.integers(0, 5)), max_size=30))
def test_links_counted_from_group_sizes_are_the_pairs_counted_one_by_one(rows):
    """(article, gold cluster, pass cluster) per claim: the figures `_links` counts from group
    sizes are those of every pair of claims looked at in turn (the definition)."""
    ids = [str(i) for i in range(len(rows))]
    article, gold, ours = ({str(i): row[k] for i, row in enumerate(rows)} for k in range(3))
    for across in (False, True):
        same_g, same_o = [], []
        for a, b in combinations(ids, 2):
            if (article[a] != article[b]) == across:
                same_g.append(gold[a] == gold[b])
                same_o.append(ours[a] == ours[b])
        both = sum(x and y for x, y in zip(same_g, same_o))
        assert _links(ids, article, gold, ours, across) == {
            "pairs": len(same_g), "gold_links": sum(same_g), "pass_links": sum(same_o),
            "link": prf(both, sum(same_g), sum(same_o)),
            "same_cluster_kappa": cohen_kappa([str(x) for x in same_g], [str(y) for y in same_o])}


def test_agreement_on_a_broken_committed_pass_exits_2_with_one_line_and_writes_nothing(whole_copy, tmp_path, capsys):
    """The command, not only the function: the committed ninth pass with its last row dropped."""
    from landstrikes.cli import main

    path = whole_copy / NINTH.folder / "assignments.tsv"
    path.write_text("".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[:-1]), encoding="utf-8")
    out = tmp_path / "a.json"
    assert main(["agreement", "--dataset", str(whole_copy), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err and "assignments.tsv" in err and "lacks the claim" in err, err
    assert not out.exists()


@pytest.mark.parametrize("key, figure", [("ninth_pass", "bcubed"), ("tenth_pass", "confusion")])
def test_agreement_json_lacking_a_cross_article_figure_is_unprintable_not_a_crash(key, figure):
    """The DATASHEET's and the card's blocks print these figures: agreement.json without one is the
    one-line [bad-json] of `stats` and `build` (agreement_figures), never a KeyError mid-print."""
    import json

    from landstrikes.documents.agreement_figures import unprintable
    from landstrikes.releases.card import agreement_block as card_block

    figures = json.loads((DATASET / "agreement.json").read_text(encoding="utf-8"))
    del figures[key][figure]
    for blocks in ((), (card_block,)):
        assert repr(figure) in unprintable(figures, blocks)
