"""attack15: C12, claims are never annotated in navigation, prompt or advertisement segments. A
claim added on a002's breadcrumb line, with its own one-claim cluster, validated (since 2.15.0 the
title copy after the path is a headline segment, SG2, so the claim is put on the path itself).
`claim-in-boilerplate-segment`, on every row: the extractor's were exempt while it proposed
numeric claims in link lists and adverts; it now reads its own segments and proposes none there."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import load, save
from landstrikes.schema.auto_constants import CLAIM_CONFIDENCE  # the extractor's fixed claim score (G6)
from landstrikes.schema.validate import validate

ARTICLE = "002_f6c5fed12bcb1118"
BREADCRUMB = "Home » world"


def _claim_on_breadcrumb(folder, source="gold"):
    """The claim as its writer would write it; an extractor's keeps its defaults and states itself (C9, G6)."""
    text = dict(zip(*(load(folder, "articles")[c] for c in ("article_id", "text"))))[ARTICLE]
    start = text.index(BREADCRUMB)
    end = start + len(BREADCRUMB)
    claim_id = f"{ARTICLE}:c:{start}-{end}"
    claims, clusters = load(folder, "claims"), load(folder, "claim_clusters")
    row = claims.iloc[0].to_dict() | dict(claim_id=claim_id, article_id=ARTICLE, start=start, end=end, text=BREADCRUMB,
                                          claimant_id=None, claim_type="statistic" if source == "auto" else "event", hedging="asserted", cluster_id=claim_id,
                                          variant_id=None, consistency="uncorroborated", contradicted_by=[], record_status="unknown",
                                          source=source, confidence=CLAIM_CONFIDENCE if source == "auto" else None)
    if source == "auto":  # the extractor proposes numeric claims only: a statistic with its quantity (C4, C5)
        row |= dict(quantity_low=1.0, quantity_high=1.0, quantity_unit="links", quantity_bound="exact")
    cluster = clusters.iloc[0].to_dict() | dict(cluster_id=claim_id, proposition=BREADCRUMB if source == "auto" else "Trump threatened strikes on Mexican soil.",
                                                record_status="unknown", record_note=None, n_claims=1, n_articles=1,
                                                contradicted=False, source=source, confidence=CLAIM_CONFIDENCE if source == "auto" else None)
    save(folder, "claims", pd.concat([claims, pd.DataFrame([row])], ignore_index=True))
    save(folder, "claim_clusters", pd.concat([clusters, pd.DataFrame([cluster])], ignore_index=True))
    return validate(folder), claim_id


def test_a_claim_in_a_navigation_segment_is_a_finding(dataset_copy):
    report, claim_id = _claim_on_breadcrumb(dataset_copy)
    assert {f.check for f in report.findings} == {"claim-in-boilerplate-segment"}, report.to_text()
    assert claim_id in report.to_text() and "(C12)" in report.to_text()


def test_the_extractors_claims_are_judged_too(dataset_copy):
    report, claim_id = _claim_on_breadcrumb(dataset_copy, source="auto")
    # (an auto row in the gold's unstamped file is also auto-row-unstamped's since attack25)
    assert {f.check for f in report.findings} - {"auto-row-unstamped"} == {"claim-in-boilerplate-segment"}, report.to_text()


LINKS_AFTER_THE_BODY = ("Council Approves New Budget\n\nThe town council approved a budget of 40 million dollars on "
                        "Tuesday, officials said. About 300 workers will be hired.\n\nRelated Articles\n"
                        "300 Stranded Workers Return Home After Long Strike\n10 Ways To Save On Your Groceries\n")


def test_the_extractor_proposes_no_claim_in_a_list_of_related_links():
    from landstrikes.extract.article import extract_article

    rows = extract_article("a", LINKS_AFTER_THE_BODY)
    assert [s["kind"] for s in rows["segments"]] == ["headline", "body", "navigation"]
    assert [c["text"] for c in rows["claims"]] == [
        "The town council approved a budget of 40 million dollars on Tuesday, officials said", "About 300 workers will be hired"]


def test_the_gold_has_no_claim_in_a_boilerplate_segment(dataset_copy):
    segments = load(dataset_copy, "segments")
    assert segments.kind.isin(["navigation", "prompt", "advertisement"]).sum() >= 5
    assert validate(dataset_copy).ok
