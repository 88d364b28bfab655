"""A report path naming another JSON document of the dataset is refused, not replaced (attack56):
an earlier report was told by the top-level keys every report of the command holds, and
`stats.json` holds agreement's `quotes`, `claims` and `stances` among its own, so `agreement --out
dataset/stats.json` replaced the statistics README and DATASHEET are generated from. A report is
now also told by holding no key its command never writes; each command's own earlier report is
still replaced."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import REPO

from landstrikes.cli import main

DOCUMENTS = ("stats.json", "agreement.json", "silver_evaluation.json")


@pytest.fixture
def documents(tmp_path):
    for name in DOCUMENTS:
        shutil.copy2(REPO / "dataset" / name, tmp_path / name)
    return tmp_path


def _written_by_others(kind: str) -> list[str]:
    """The dataset's JSON documents that are not a `kind` report."""
    return [n for n in DOCUMENTS if not (kind == "agreement" and n == "agreement.json")
            and not (kind == "evaluate" and n == "silver_evaluation.json")]


@pytest.mark.parametrize("kind", ["validate", "diff", "evaluate", "agreement"])
def test_no_report_kind_takes_another_document_for_its_own(documents, kind):
    from landstrikes.cli import _report_file_problem

    for name in _written_by_others(kind):
        assert _report_file_problem(documents / name, kind), f"{kind} would replace {name}"


def test_agreement_out_on_the_statistics_is_refused_and_keeps_them(documents, capsys):
    before = (documents / "stats.json").read_bytes()
    code = main(["agreement", "--dataset", str(REPO / "dataset"), "--out", str(documents / "stats.json")])
    err = capsys.readouterr().err
    assert code == 2 and "[unwritable-report]" in err and err.count("\n") == 1, err
    assert (documents / "stats.json").read_bytes() == before


@pytest.mark.parametrize("kind, name", [("agreement", "agreement.json"), ("evaluate", "silver_evaluation.json")])
def test_a_commands_own_earlier_report_is_still_replaced(documents, kind, name):
    from landstrikes.cli import _report_file_problem

    assert _report_file_problem(documents / name, kind) is None
    report = json.loads((documents / name).read_text(encoding="utf-8"))
    assert report
