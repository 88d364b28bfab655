"""A claim is `hypothetical` exactly when it lies in what its article flags `hypothetical_content`
(C8, C9, AQ1): the flagged heading's section (a002's "Case Study: ... (Hypothetical Reference)"
and its bullets) or the flagged line. attack28: a claim of that section relabelled
`uncorroborated`, as release 2.18.0 shipped 002:c:10081-10145 (found by hand in the review of
2.18.0, docs/notes/gold219_review.tsv f13), and a body claim relabelled `hypothetical`, each
validated [claim-hypothetical-mismatch]."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows
from landstrikes.schema.hypothetical_claims import _is_heading, _next_heading

CHECK = "claim-hypothetical-mismatch"
A002 = "002_f6c5fed12bcb1118"
CHANGES = {
    "the case study's last claim uncorroborated (release 2.18.0)": (f"{A002}:c:10081-10145", "hypothetical", "uncorroborated"),
    "a case-study claim uncorroborated": (f"{A002}:c:9788-9839", "hypothetical", "uncorroborated"),
    "a body claim hypothetical": (f"{A002}:c:10805-10871", "uncorroborated", "hypothetical"),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_consistency_label_the_text_does_not_give_is_a_finding(dataset_copy, change):
    claim_id, was, label = CHANGES[change]
    claims = rows_of(dataset_copy, "claims")
    row = next(c for c in claims if c["claim_id"] == claim_id)
    assert row["consistency"] == was
    row["consistency"] = label
    write_rows(dataset_copy, "claims", claims)
    assert [(row_id, column) for _, row_id, column in findings_of(dataset_copy, CHECK)] == [(claim_id, "consistency")]


def test_the_gold_hypothetical_claims_are_those_of_the_flagged_section(dataset_copy):
    # 8 since 2.35.0: the case study's strike and its coordination with Mexico are two claims (review46 r46-21)
    assert sum(c["consistency"] == "hypothetical" for c in rows_of(dataset_copy, "claims")) == 8
    assert findings_of(dataset_copy, CHECK) == []


TEXT = ("Title\n\nBody text.\n\nCase Study: A Strike (Hypothetical Reference)\n\n  • Outcome – it worked.\n"
        "  1. Lesson – none\n\nPractical Tips\n\n  • Tip.\n")


@pytest.mark.parametrize("line, heading", [
    ("Title", True), ("Body text.", False), ("Case Study: A Strike (Hypothetical Reference)", True),
    ("  • Outcome – it worked.", False), ("  1. Lesson – none", False), ("Practical Tips", True),
])
def test_a_heading_is_a_short_line_after_a_blank_one_no_list_item_no_stop(line, heading):
    start = TEXT.index(line)
    assert _is_heading(TEXT, start, start + len(line)) is heading


def test_a_flagged_heading_s_section_runs_to_the_next_heading():
    start = TEXT.index("Case Study")
    assert TEXT[_next_heading(TEXT, TEXT.index("\n", start)):].startswith("Practical Tips")
