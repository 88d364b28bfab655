"""Cross checks of the stances table (beside schema/stances.py).

- `fnc-label-placement`, `holder-kind-inconsistent` (S3, S4): which columns each kind of row fills.
- `holder-cannot-hold` (S3): an entity holder is someone who can take a side, never an EVENT or
  a LAW (the types Q6 says cannot utter words). `maduro-operation` holding a stance validated.
- `article-voice-missing` (S4): an article that gives anyone's stance on a target has its own
  article-voice row on it; deleting one validated, and the 2.1.0 gold lacked two.
- `fnc-label-varies` (S5): `fnc_label` relates the whole body to its headline, so an article's
  article-voice rows share one value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import LazyFrame, arrow_column, frame_nulls, frame_of, frame_strings
from landstrikes.schema.guideline_rules import has_columns, silent_entities
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


def check_stance_holders(tables, report: Report) -> None:
    """S3: an entity holding a stance can take a side (never an EVENT or a LAW)."""
    stances, entities = tables.get("stances"), tables.get("entities")
    if stances is None or entities is None or len(stances) == 0 or not has_columns(entities, "entity_id", "type") \
            or not has_columns(stances, "stance_id", "holder_id"):
        return
    types = silent_entities(tables)
    holders = arrow_column(tables, "stances", "holder_id", pa.string()).to_pylist()
    ids = arrow_column(tables, "stances", "stance_id", pa.string()).to_pylist()
    for stance_id, holder in zip(ids, holders):
        if holder in types:
            report.add("stances", "holder-cannot-hold",
                       f"holder_id {holder!r} is an entity of type {types[holder]}, which cannot take a side (S3)", stance_id, "holder_id", holder)


def check_article_voice(tables, report: Report) -> None:
    """S4: every (article, target) with a stance row has the article's own row on that target.
    Named once per pair, on the pair's first row (the missing row has no id to name)."""
    stances = tables.get("stances")
    if stances is None or len(stances) == 0 or not has_columns(stances, "stance_id", "article_id", "target_id", "holder_kind"):
        return
    ids, articles, targets, kinds = (arrow_column(tables, "stances", c, pa.string()).to_pylist()
                                     for c in ("stance_id", "article_id", "target_id", "holder_kind"))
    voiced = {(a, t) for a, t, k in zip(articles, targets, kinds) if k == "article"}
    named: dict[tuple[str, str], str | None] = {}
    for stance_id, article, target in sorted(zip(ids, articles, targets), key=_id_order):
        if article is not None and target is not None and (article, target) not in voiced:
            named.setdefault((article, target), stance_id)
    for (article, target), stance_id in sorted(named.items(), key=lambda kv: _id_order((kv[1], *kv[0]))):
        report.add("stances", "article-voice-missing",
                   f"article {article!r} gives stances on {target!r} but has no article-voice row on it (S4)",
                   stance_id, "target_id", target)


def check_fnc_label_per_article(tables, report: Report) -> None:
    """S5: one headline relation per article; each row differing from its article's first
    article-voice row (in id order) is named."""
    stances = tables.get("stances")
    if stances is None or len(stances) == 0 or not has_columns(stances, "stance_id", "article_id", "holder_kind", "fnc_label"):
        return
    rows = sorted(zip(*(arrow_column(tables, "stances", c, pa.string()).to_pylist()
                         for c in ("stance_id", "article_id", "holder_kind", "fnc_label"))),
                  key=_id_order)
    first: dict[str, tuple[str, str]] = {}
    for stance_id, article, kind, label in rows:
        if kind != "article" or article is None or label is None:
            continue
        seen = first.setdefault(article, (stance_id, label))
        if seen[1] != label:
            report.add("stances", "fnc-label-varies",
                       f"fnc_label {label!r} differs from {seen[1]!r} on {seen[0]!r}: one headline relation per article (S5)",
                       stance_id, "fnc_label", label)


def _id_order(row: tuple) -> tuple:
    """Rows by stance id, a null id last (null-in-required-column names it), ties by the other
    values: the same findings whatever order the rows come in."""
    return (row[0] is None, row[0] or "", *((value is None, value or "") for value in row[1:]))
