"""Cross checks of the stances table (beside schema/stances.py).
"""

from __future__ import annotations

import pandas as pd

from landstrikes.schema.report import Report


def check_stances(tables: dict[str, pd.DataFrame], report: Report) -> None:
    stances = tables.get("stances")
    if stances is None:
        return
    voice = stances["holder_kind"] == "article"
    bad = voice != stances["fnc_label"].notna()
    for row_id, value in zip(stances["stance_id"][bad], stances["fnc_label"][bad]):
        report.add("stances", "fnc-label-placement", "fnc_label is set exactly on article-voice rows", row_id, "fnc_label", value)
    kind, has_holder, has_group = stances["holder_kind"], stances["holder_id"].notna(), stances["holder_group"].notna()
    wrong = ((kind == "entity") != has_holder) | ((kind == "group") != has_group)
    for row_id, value in zip(stances["stance_id"][wrong], kind[wrong]):
        report.add("stances", "holder-kind-inconsistent", "entity rows have holder_id only, group rows holder_group only, article rows neither (S3)", row_id, "holder_kind", value)
