"""C9: variants name incompatible versions of a proposition, so two variants of one cluster never
state the same proposition, in any letter case, Unicode normal form or spacing (two spellings of
one proposition are one variant). attack25: a variant given another's proposition, as written or
in capitals, validated [variant-propositions-repeat]."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import arrow_column
from landstrikes.schema.report import Report

_BLANKS = re.compile(r"\s+")


def check_variant_propositions(tables, report: Report) -> None:
    clusters = tables.get("claim_clusters")
    if clusters is None or len(clusters) == 0 or not all(c in clusters for c in ("cluster_id", "variant_propositions")):
        return
    listed = arrow_column(tables, "claim_clusters", "variant_propositions", pa.list_(pa.string()))
    lengths = pc.fill_null(pc.list_value_length(listed), 0).to_numpy(zero_copy_only=False)
    several = np.flatnonzero(lengths > 1)  # only clusters with two variants or more can repeat one
    if not len(several):
        return
    ids = arrow_column(tables, "claim_clusters", "cluster_id", pa.string())
    for row in several:
        seen = set()
        for proposition in listed[int(row)].as_py():
            if proposition is None:
                continue  # a null list item is null-list-item's finding
            key = same_proposition_key(proposition)
            if key in seen:
                report.add("claim_clusters", "variant-propositions-repeat",
                           "two variants of the cluster state one proposition; variants are incompatible versions (C9)",
                           ids[int(row)].as_py(), "variant_propositions", proposition[:60])
                break
            seen.add(key)


def same_proposition_key(proposition: str) -> str:
    """What two spellings of one proposition share: NFC, case folded, blanks as one space."""
    return _BLANKS.sub(" ", unicodedata.normalize("NFC", proposition).casefold()).strip()
