"""Two quality flags of one kind never overlap (AQ4, AQ5: one row per instance, over its minimal
phrase). attack27: a flag given again over the same words and the next one, its id derived from
the wider span, validated for every kind tried [flags-overlap]."""

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
