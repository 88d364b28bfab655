"""Each place in schema/ that reports a finding is one a test sees report it (mutate67).

benchmarks/mutation_audit.py silenced each reporting call of schema/ in turn and ran the tests that
name its check id: a call whose silencing no test noticed is a promise nobody had seen kept. Each
test here breaks a copy of the gold in the one way such a call is about and asserts the check id,
table, row id and column of its finding; each was seen failing with that call silenced (the mutant)
and passing on the real code (docs/notes/mutate67.md lists them, call site by call site).
"""

from __future__ import annotations

from pathlib import Path

from conftest import load, save
from landstrikes.schema import validate


def findings(folder: Path, check: str) -> list[tuple[str, str, str]]:
    """(table, row id, column) of each finding of `check` when `folder` is validated."""
    return [(f.table, f.row_id, f.column) for f in validate(folder).findings if f.check == check]


# schema/article_digest.py: sha256 is the digest of the text's UTF-8 bytes

def test_a_digest_copied_from_another_article_is_article_derived_mismatch(dataset_copy):
    articles = load(dataset_copy, "articles")
    articles.loc[0, "sha256"] = articles.loc[1, "sha256"]  # well formed, the digest of another text
    save(dataset_copy, "articles", articles)
    assert ("articles", articles.loc[0, "article_id"], "sha256") in findings(dataset_copy, "article-derived-mismatch")


# schema/goldchecks.py: Q15's plain form, which judges the quotes when a column it reads holds a null

def test_a_misquotation_flag_with_a_null_end_covers_nothing_as_if_it_were_not_there(dataset_copy):
    flags = load(dataset_copy, "quality_flags")
    row = flags.index[flags["flag"] == "misquotation"][0]
    save(dataset_copy, "quality_flags", flags.drop(index=row))
    uncovered = findings(dataset_copy, "misquotation-without-evidence")
    assert uncovered and all(table == "quotes" and column == "text" for table, _, column in uncovered)
    flags["end"] = flags["end"].astype(object)
    flags.at[row, "end"] = None  # the flag's row is Pandera's finding; Q15 is judged without it
    save(dataset_copy, "quality_flags", flags)
    assert sorted(findings(dataset_copy, "misquotation-without-evidence")) == sorted(uncovered)
