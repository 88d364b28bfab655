"""The claims passes' figures (shown on the sixth against release 2.21.0; the seventh runs the same
code) measure what they say: a pass equal to the gold scores 1 everywhere, only the articles the
pass covers are counted, each kind of disagreement moves its own figure, and a broken row is one
line naming file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from landstrikes.documents.claimspasses import CLAIM_COLUMNS, PARTNER, SIXTH, claims_passes_agreement, pass_agreement
from landstrikes.errors import BuildError

DATASET = Path(__file__).resolve().parent.parent / "dataset"
COVERED = ("000_68b95635092649cd", "001_f1f49e9dc8ada067")


def _gold_claims() -> list[dict]:
    return [c for c in pq.read_table(DATASET / PARTNER / "claims").to_pylist() if c["article_id"] in COVERED]


def gold_as_a_pass(folder: Path, edit=lambda rows: rows) -> None:
    rows = [[c["article_id"], c["start"], c["end"], c["text"], c["claimant_id"] or "", c["claim_type"], c["hedging"]] for c in _gold_claims()]
    folder.mkdir(parents=True)
    (folder / "claims.tsv").write_text("\n".join("\t".join(str(v) for v in row) for row in [CLAIM_COLUMNS, *edit(rows)]) + "\n", encoding="utf-8")


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    shutil.copytree(DATASET / PARTNER.parent, tmp_path / PARTNER.parent)  # the whole release: it is verified
    return tmp_path


def test_a_dataset_without_a_sixth_pass_has_no_figures(dataset):
    assert pass_agreement(dataset, "sixth") is None


def test_a_pass_equal_to_the_gold_of_its_articles_agrees_on_everything(dataset):
    gold_as_a_pass(dataset / SIXTH)
    figures = pass_agreement(dataset, "sixth")
    assert figures["articles"] == list(COVERED) and figures["gold_rows"] == len(_gold_claims())
    assert figures["span_exact"]["f1"] == 1.0 and figures["type_kappa"] == 1.0
    assert figures["hedging_agreement"] == 1.0 and figures["claimant_agreement"] == 1.0


def test_each_disagreement_moves_its_own_figure(dataset):
    def edit(rows):
        rows[0][5] = "statistic" if rows[0][5] != "statistic" else "event"    # a type
        rows[1][6] = "questioned" if rows[1][6] != "questioned" else "asserted"  # a hedging
        rows[2][4] = "mexico" if rows[2][4] != "mexico" else "donald-trump"  # a claimant (a catalogued one: attack26)
        del rows[3]                                                           # a missed claim
        return rows

    gold_as_a_pass(dataset / SIXTH, edit)
    figures = pass_agreement(dataset, "sixth")
    n = len(_gold_claims())
    assert figures["span_overlap"]["recall"] == round((n - 1) / n, 4)
    one_off = round((n - 2) / (n - 1), 4)
    assert figures["type_agreement"] == figures["hedging_agreement"] == figures["claimant_agreement"] == one_off


@pytest.mark.parametrize("column, value, problem", [
    (3, "not the article's words", "is not the article's"),
    (5, "opinion", "column claim_type: 'opinion' is not one of"),
    (0, "999_nope", "is no article of release 2.21.0"),
])
def test_a_broken_pass_row_is_one_line_naming_the_file_and_line(dataset, column, value, problem):
    def edit(rows):
        rows[4][column] = value
        return rows

    gold_as_a_pass(dataset / SIXTH, edit)
    with pytest.raises(BuildError) as raised:
        pass_agreement(dataset, "sixth")
    message = str(raised.value)
    assert "claims.tsv:6:" in message and problem in message and "\n" not in message


def test_the_committed_claims_passes_figures_are_the_committed_passes():
    import json
    committed = json.loads((DATASET / "agreement.json").read_text(encoding="utf-8"))
    passes = claims_passes_agreement(DATASET)
    assert passes == {key: figures for key, figures in committed.items() if key in passes}
    assert {"sixth_pass", "seventh_pass"} <= passes.keys()
    assert committed["seventh_pass"]["articles"] == ["003_53ec89303f4de55c", "004_26f752040ea19616"]
