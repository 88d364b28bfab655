"""Cross checks of the stances table (beside schema/stances.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import LazyFrame, frame_nulls, frame_of, frame_strings
from landstrikes.schema.report import Report

if TYPE_CHECKING:
    import pandas as pd


def check_stances(tables: dict[str, pd.DataFrame], report: Report) -> None:
    stances = tables.get("stances")
    if stances is None:
        return
    if isinstance(stances, LazyFrame) and _sound_on_arrow(stances):
        return
    stances = frame_of(stances)
    voice = stances["holder_kind"] == "article"
    bad = voice != stances["fnc_label"].notna()
    for row_id, value in zip(stances["stance_id"][bad], stances["fnc_label"][bad]):
        report.add("stances", "fnc-label-placement", "fnc_label is set exactly on article-voice rows", row_id, "fnc_label", value)
    kind, has_holder, has_group = stances["holder_kind"], stances["holder_id"].notna(), stances["holder_group"].notna()
    wrong = ((kind == "entity") != has_holder) | ((kind == "group") != has_group)
    for row_id, value in zip(stances["stance_id"][wrong], kind[wrong]):
        report.add("stances", "holder-kind-inconsistent", "entity rows have holder_id only, group rows holder_group only, article rows neither (S3)", row_id, "holder_kind", value)


def _sound_on_arrow(stances) -> bool:
    """True when the rules below find nothing, decided on Arrow (False also where a null
    holder_kind would meet pandas' own comparison rules: the frames decide those)."""
    kind = frame_strings(stances, "holder_kind")
    if kind.null_count:
        return False
    def equals(value):
        return pc.equal(kind, value).to_numpy(zero_copy_only=False)
    label, holder, group = (~frame_nulls(stances, c) for c in ("fnc_label", "holder_id", "holder_group"))
    bad = (equals("article") != label) | (equals("entity") != holder) | (equals("group") != group)
    return not np.any(bad)
