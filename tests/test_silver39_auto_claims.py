"""C5, C7-C9b, G5, G6 (2.27): what the extractor writes of a claim beside its span is fixed or
derived. silver38's census of one-cell corruptions of the extractor's output for dataset/raw: a
claim's consistency given another label, a cluster's proposition with a changed letter or another
cluster's, and a negative quantity each validated; so (silver39) did a claim and its cluster
given record status `matches` together, and a cluster scored as a flat range (0.5) beside its 0.6
claim [auto-claim-not-default, auto-quantity-negative, auto-proposition-not-its-claim,
auto-confidence-not-fixed]. Every rule holds with no exception on the extractor's output for 906
BBC and 1,669 FNC-1 texts."""

from __future__ import annotations

import pytest

from attack36_tools import findings_of, rows_of, write_rows

DEFAULTS, NEGATIVE, PROPOSITION = "auto-claim-not-default", "auto-quantity-negative", "auto-proposition-not-its-claim"


def _edit(folder, table, change, pick=lambda row: True):
    rows = rows_of(folder, table)
    row = next(r for r in rows if pick(r))
    change(row)
    write_rows(folder, table, rows)
    return row


@pytest.mark.parametrize("column,value", [("consistency", "hypothetical"), ("claim_type", "event")])
def test_a_claim_given_another_label_is_a_finding(silver_copy, column, value):
    claim = _edit(silver_copy, "claims", lambda c: c.update({column: value}))
    found = findings_of(silver_copy)
    assert (DEFAULTS, claim["claim_id"], column) in found


def test_a_claim_and_its_cluster_checked_against_the_record_are_findings(silver_copy):
    """record-status-inconsistent holds the two together; they changed together passed."""
    claim = _edit(silver_copy, "claims", lambda c: c.update(record_status="matches"))
    _edit(silver_copy, "claim_clusters", lambda k: k.update(record_status="matches", record_note="a record says so"),
          lambda k: k["cluster_id"] == claim["cluster_id"])
    assert findings_of(silver_copy) == [(DEFAULTS, claim["claim_id"], "record_status"),
                                        (DEFAULTS, claim["cluster_id"], "record_status")]


def test_a_cluster_given_a_variant_is_a_finding(silver_copy):
    cluster = _edit(silver_copy, "claim_clusters", lambda k: k.update(variant_ids=["v-a"], variant_propositions=["A."],
                                                                       variant_record_statuses=["unknown"], variant_record_notes=[""]))
    _edit(silver_copy, "claims", lambda c: c.update(variant_id="v-a"), lambda c: c["cluster_id"] == cluster["cluster_id"])
    assert (DEFAULTS, cluster["cluster_id"], "variant_ids") in findings_of(silver_copy)


def test_a_negative_quantity_is_a_finding(silver_copy):
    def negate(claim):
        claim["quantity_low"], claim["quantity_high"] = -claim["quantity_high"], -claim["quantity_low"]
    claim = _edit(silver_copy, "claims", negate, lambda c: c["quantity_bound"] == "exact" and c["quantity_low"] > 0)
    assert findings_of(silver_copy) == [(NEGATIVE, claim["claim_id"], "quantity_low")]


@pytest.mark.parametrize("how", ["letter", "other", "trailing-control"])
def test_a_proposition_that_is_not_its_claim_s_text_is_a_finding(silver_copy, how):
    clusters = rows_of(silver_copy, "claim_clusters")
    first, second = clusters[0], clusters[1]
    if how == "letter":
        first["proposition"] = first["proposition"][:-1] + ("X" if first["proposition"][-1] != "X" else "Y")
    elif how == "other":
        first["proposition"] = second["proposition"]
    else:
        first["proposition"] = first["proposition"][:-1] + " " + first["proposition"][-1]
    write_rows(silver_copy, "claim_clusters", clusters)
    assert findings_of(silver_copy) == [(PROPOSITION, first["cluster_id"], "proposition")]


def test_a_cluster_no_claim_names_is_a_finding(silver_copy):
    """Its claim and the claim's cluster row gone, an orphan cluster row of the extractor left."""
    claims, clusters = rows_of(silver_copy, "claims"), rows_of(silver_copy, "claim_clusters")
    gone = claims.pop(0)
    orphan = next(k for k in clusters if k["cluster_id"] == gone["cluster_id"])
    orphan.update(n_claims=0, n_articles=0)
    write_rows(silver_copy, "claims", claims)
    write_rows(silver_copy, "claim_clusters", clusters)
    found = findings_of(silver_copy)
    assert (PROPOSITION, orphan["cluster_id"], "proposition") in found


def test_a_cluster_scored_otherwise_than_its_claim_is_a_finding(silver_copy):
    cluster = _edit(silver_copy, "claim_clusters", lambda k: k.update(confidence=0.5), lambda k: k["confidence"] == 0.6)
    assert findings_of(silver_copy) == [("auto-confidence-not-fixed", cluster["cluster_id"], "confidence")]


def test_control_characters_and_edges_follow_the_extractor(silver_copy):
    """A claim text holding a bell inside, a no-break space before and a no-break space, a bell, a
    vertical tab and an em space after: the proposition the extractor would write (each control a space, the edges trimmed
    as Python's strip trims them) passes, one with an edge left does not (one keeping the bell is
    `control-character-in-value`'s)."""
    from landstrikes.schema.controls import writable
    claims, clusters = rows_of(silver_copy, "claims"), rows_of(silver_copy, "claim_clusters")
    claim = claims[0]
    cluster = next(k for k in clusters if k["cluster_id"] == claim["cluster_id"])
    text = "\u00a0" + claim["text"][:5] + "\x07" + claim["text"][5:] + "\u00a0\x07\x0b\u2003"
    from landstrikes.schema.validate import validate
    claim["text"] = text
    cluster["proposition"] = writable(text).strip()
    write_rows(silver_copy, "claims", claims)
    write_rows(silver_copy, "claim_clusters", clusters)
    assert PROPOSITION not in {f.check for f in validate(silver_copy).findings}
    cluster["proposition"] = writable(text).strip() + "\u2003"
    write_rows(silver_copy, "claim_clusters", clusters)
    assert PROPOSITION in {f.check for f in validate(silver_copy).findings}
    cluster["proposition"] = text.strip()  # the bell kept: that value's own finding, whatever its claim
    write_rows(silver_copy, "claim_clusters", clusters)
    assert "control-character-in-value" in {f.check for f in validate(silver_copy).findings}


def test_python_s_whitespace_is_the_check_s():
    import sys

    from landstrikes.schema.auto_claims import _PYTHON_SPACE
    assert _PYTHON_SPACE == "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())


def test_the_extractor_s_own_claims_pass(silver_copy):
    assert [f for f in findings_of(silver_copy) if f[0] in (DEFAULTS, NEGATIVE, PROPOSITION)] == []
