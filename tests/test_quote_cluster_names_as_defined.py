"""quote-cluster-not-its-words as keys of distinct texts and cluster ids (session 31: splitting
every row's text into joined strings cost 0.34 user CPU-s at 10^5 quote rows, the second costliest
check) finds exactly the clusters its definition names: a slug id with a word of four letters or
more none of whose words (first four letters, lower case, NFKD, combining marks dropped, ø æ ß ...
spelled as a slug spells them; a row's words also with apostrophes, hyphens and full stops
dropped: attack37) is a word of one of its rows, a cluster with a row in another script not judged."""

from __future__ import annotations

import re
import unicodedata

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.schema.checkcorpus import Corpus
from landstrikes.schema.quote_cluster_names import check_quote_cluster_names
from landstrikes.schema.report import Report

WORDS = ["land", "landing", "strike", "strikes", "mexico", "Méxican", "ﬁrst", "war", "peace", "cartels", "cart", "é",
         "Pé-ace", "don't", "Øre", "ЛАНД", "Ære"]
SPELLED = {"ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h"}


def _fold(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if unicodedata.category(c) != "Mn")
    return "".join(SPELLED.get(c, c) for c in text)


def _prefixes(text: str, long_only: bool) -> set[str]:
    spelt = _fold(text)
    variants = [spelt] if long_only else [spelt, "".join(c for c in spelt if c.isalnum() or c.isspace())]
    words = [w for v in variants for w in re.sub(r"[^a-z0-9]+", " ", v).split()]
    return {w[:4] for w in words if len(w) >= (4 if long_only else 1)}


def _other_script(text: str) -> bool:
    return any(c.isalpha() and not "a" <= c <= "z" for c in _fold(text))


def _defined(rows: list[tuple[str, str, str]]) -> list[str]:
    failing = []
    for cluster in sorted({c for _, c, _ in rows}):
        own = _prefixes(cluster.replace("-", " "), long_only=True)
        said = set().union(*(_prefixes(t, long_only=False) for _, c, t in rows if c == cluster))
        foreign = any(_other_script(t) for _, c, t in rows if c == cluster)
        if own and not own & said and not foreign:
            failing.append(min(q for q, c, _ in rows if c == cluster))
    return sorted(failing)


cluster_ids = st.lists(st.sampled_from(["land", "strikes", "war", "mexico", "cartels", "peace", "x"]), min_size=1, max_size=3) \
    .map(lambda words: "q-" + "-".join(words))
texts = st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(cluster_ids, texts), min_size=1, max_size=12))
def test_the_fast_check_names_the_clusters_the_definition_names(pairs):
    rows = [(f"a:q:{i}-{i + 1}", cluster, text) for i, (cluster, text) in enumerate(pairs)]
    table = pa.table({"quote_id": [r[0] for r in rows], "cluster_id": [r[1] for r in rows], "text": [r[2] for r in rows]})
    report = Report("generated")
    check_quote_cluster_names(Corpus.from_arrow({"quotes": table}), report)
    assert sorted(f.row_id for f in report.findings) == _defined(rows)
