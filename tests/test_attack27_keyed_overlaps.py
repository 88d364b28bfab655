"""Two rows of one article and one key never overlap: two quality flags of one kind (AQ4, AQ5:
one row per instance, over its minimal phrase) [flags-overlap], two claims of one cluster (C2,
C7) [claims-overlap]. attack27: each validated, the new row's id derived from its span."""

from __future__ import annotations

import pytest

from attack25_tools import findings_of, rows_of, write_rows


def _flag_again_one_word_wider(folder, kind: str) -> set[str]:
    texts = {a["article_id"]: a["text"] for a in rows_of(folder, "articles")}
    flags = rows_of(folder, "quality_flags")
    for flag in flags:
        text = texts[flag["article_id"]]
        after = text[flag["end"]:]
        if flag["flag"] != kind or not after.startswith(" ") or not after[1:2].isalpha():
            continue
        stop = flag["end"] + 1 + len(after[1:].split()[0].rstrip(".,;:"))
        wider = dict(flag, end=stop, text=text[flag["start"]:stop], flag_id=f"{flag['article_id']}:f:{kind}:{flag['start']}-{stop}")
        write_rows(folder, "quality_flags", sorted([*flags, wider], key=lambda f: (f["article_id"], f["flag_id"])))
        return {flag["flag_id"], wider["flag_id"]}
    raise AssertionError(f"no {kind} flag to widen")


@pytest.mark.parametrize("kind", ["spun_text", "fabricated_content", "factual_error"])
def test_a_flag_given_twice_over_overlapping_words_is_a_finding(raw_and_data_copy, kind):
    pair = _flag_again_one_word_wider(raw_and_data_copy, kind)
    found = findings_of(raw_and_data_copy, "flags-overlap")
    assert len(found) == 1 and found[0][1] in pair


def test_a_claim_given_twice_in_its_cluster_over_overlapping_words_is_a_finding(raw_and_data_copy):
    """C2, C7: a000's asserted "The remarks come amid ..." given again without its first word,
    in its own cluster (n_claims raised, id derived), validated."""
    texts = {a["article_id"]: a["text"] for a in rows_of(raw_and_data_copy, "articles")}
    claims, clusters = rows_of(raw_and_data_copy, "claims"), rows_of(raw_and_data_copy, "claim_clusters")
    claim = next(c for c in claims if c["hedging"] == "asserted" and len(c["text"].split(" ")) >= 5)
    start = claim["start"] + len(claim["text"].split(" ")[0]) + 1
    again = dict(claim, start=start, text=texts[claim["article_id"]][start:claim["end"]], claim_id=f"{claim['article_id']}:c:{start}-{claim['end']}")
    next(c for c in clusters if c["cluster_id"] == claim["cluster_id"])["n_claims"] += 1
    write_rows(raw_and_data_copy, "claims", sorted([*claims, again], key=lambda c: (c["article_id"], c["start"], c["end"])))
    write_rows(raw_and_data_copy, "claim_clusters", clusters)
    found = findings_of(raw_and_data_copy, "claims-overlap")
    assert len(found) == 1 and found[0][1] in {claim["claim_id"], again["claim_id"]}
