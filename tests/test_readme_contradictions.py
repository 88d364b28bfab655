"""The README's one-expression contradiction query runs on the committed tables and means what it says."""

import os
import re

import pandas as pd

from conftest import REPO


def readme_block_containing(needle: str) -> str:
    blocks = re.findall(r"```python\n(.*?)```", (REPO / "README.md").read_text(encoding="utf-8"), re.S)
    return next(b for b in blocks if needle in b)


def test_readme_contradiction_query_pairs_incompatible_variants_across_articles(monkeypatch):
    code = readme_block_containing("contradicted_by")
    *setup, expression = re.split(r"\n(?=\()", code.strip(), maxsplit=1)
    monkeypatch.chdir(REPO)
    scope = {"pd": pd}
    exec("\n".join(setup), scope)
    pairs = eval(expression, scope)
    assert len(pairs) > 0
    assert (pairs["article_id"] != pairs["article_id_other"]).all()
    assert (pairs["variant_id"] != pairs["variant_id_other"]).all()
    unordered = {frozenset(pair) for pair in zip(pairs["claim_id"], pairs["claim_id_other"])}
    assert len(unordered) == len(pairs)  # each pair once, as README says
    assert set(pairs["record_status"]) | set(pairs["record_status_other"]) <= {"matches", "contradicts", "unknown"}
    # 2.0: the hedged presidential-authority statements are no longer variants (C9); 2.4 adds Q15's
    # misquoted "very sad" quotation against the wording it drops; 2.14.0 reads 001's "a figure far
    # exceeding official estimates" as the figure's hedge (C6, C11), so Trump's figure has no
    # other side in another article (it contradicts the record instead)
    assert set(pairs["cluster_id"]) == {"c-trump-very-sad"}
