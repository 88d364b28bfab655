"""attack30: where an Arrow gate finds something (a broken row) three rules ran on pandas frames,
merging every row of one article with every other: C9b's claims that match the record with the
fabricated_content flags (`check_fabricated_claims`), AQ1's boilerplate evidence with the
boilerplate blocks (`check_boilerplate_placement`) and AQ3's blocks with the evidence
(`check_boilerplate_evidence`). Gold article 002 grown 300-fold with one claim moved into
fabricated content and one flag out of its block took 52 s and 9.9 GB to validate (100-fold:
5.0 s, 1.26 GB). They now keep the merge's pairs in relation without forming the rest
(`checkcorpus.frame_span_pairs`); a null id or offset leaves the merge and pandas' own semantics.

The growth test counts the rows the article merges form (not seconds); the findings are those
of the merges on the same broken corpus."""

from __future__ import annotations

import pandas as pd

import landstrikes.schema.goldchecks as goldchecks
import landstrikes.schema.segments_checks as segments_checks
from attack25_tools import rows_of, write_rows
from attack30_tools import A002, grow_article
from landstrikes.schema import validate
from test_attack30_span_pairs import _break

RULES = ("fabricated-claim-matches-record", "boilerplate-outside-boilerplate-segment", "boilerplate-without-evidence")


def _broken(folder, copies: int) -> None:
    grow_article(folder, copies)
    _break(folder)  # a flag out of its block, claims in a block and a headline
    flags = rows_of(folder, "quality_flags")
    fabricated = [f for f in flags if f["flag"] == "fabricated_content" and f["article_id"] == A002]
    claims = rows_of(folder, "claims")
    matching = [c for c in claims if c["article_id"] == A002 and c["record_status"] == "matches"]
    matching[-1].update(start=fabricated[-1]["start"], end=fabricated[-1]["start"] + 2)
    write_rows(folder, "claims", claims)


def _article_merges(monkeypatch) -> list[tuple[int, int, int]]:
    """(left rows, right rows, rows formed) of every frame merge on article_id."""
    seen = []
    plain = pd.DataFrame.merge

    def counted(self, right, *args, **kwargs):
        merged = plain(self, right, *args, **kwargs)
        if kwargs.get("on") == "article_id":
            seen.append((len(self), len(right), len(merged)))
        return merged

    monkeypatch.setattr(pd.DataFrame, "merge", counted)
    return seen


def test_the_frame_rules_on_a_broken_grown_article_form_pairs_in_proportion_to_its_rows(dataset_copy, monkeypatch):
    _broken(dataset_copy, 20)
    seen = _article_merges(monkeypatch)
    report = validate(dataset_copy)
    assert {f.check for f in report.findings} >= set(RULES)
    assert [s for s in seen if s[2] > 8 * (s[0] + s[1])] == []


def test_the_pairs_kept_give_the_findings_of_the_merges(dataset_copy, monkeypatch):
    _broken(dataset_copy, 12)
    seen = _article_merges(monkeypatch)
    found = validate(dataset_copy).findings
    assert [s for s in seen if s[2] > 8 * (s[0] + s[1])] == []
    monkeypatch.undo()
    for module in (goldchecks, segments_checks):
        monkeypatch.setattr(module, "frame_span_pairs", lambda *args, **kwargs: None, raising=False)
    assert found == validate(dataset_copy).findings
    assert {f.check for f in found} >= set(RULES)
