"""M3 (2.26): a pronoun refers back to an entity its article names or describes, so a PRONOUN
mention's entity has a NAME or NOMINAL mention in the same article (before or after it: the rule
leaves cataphora alone). silver38: on the extractor's output for dataset/raw, a000's "she" moved
from `claudia-sheinbaum` to a person named only in another article (its quotes' speaker and the
entity's article count moved with it), and on the gold a000's "her" moved the same way, each
validated [pronoun-entity-not-in-article]. Gold and extractor rows alike: the extractor resolves a
pronoun to a speaker or a body of its article (0 exceptions in 1,417 BBC and 1,499 FNC-1 pronouns
of its output), and the gold's 16 pronouns keep it. "Earlier" is asked of the extractor's rows only
(M3 2.27) [auto-pronoun-named-later]: its "it said" branch had resolved an "it" to a body its
reported clause names after it (2 of the FNC-1 pronouns, silver38), fixed in silver39; an
annotator may keep a cataphora.

Row-local by article (`validate --engine` judges each partition alone; the entities are lent to
every partition). Each mention's (article, entity) as one integer, from the run's shared article
numbers and entity rows (`key_positions`, which M2's check has already made), and one `is_in` of
the pronoun rows' keys; Python names the failing rows."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, values_at
from landstrikes.schema.checkcorpus import article_numbers, column, key_positions
from landstrikes.schema.report import Report

CHECK = "pronoun-entity-not-in-article"
LATER = "auto-pronoun-named-later"
_INT64_MAX = int(np.iinfo(np.int64).max)
"""The largest (key, start) integer the sorted search may make (a test lowers it to try the other way)."""


def check_pronoun_entities(tables, report: Report) -> None:
    mentions = arrow_of(tables, "mentions", ("article_id", "entity_id", "kind"))  # (start, source: read if present)
    entities = arrow_of(tables, "entities", ())
    if mentions is None or entities is None or not mentions.num_rows or tables.get("articles") is None:
        return  # (articles refused by its schema: no article numbers to judge by; attack13's dtype cases)
    kind = column(mentions, "kind")
    if not (pa.types.is_string(kind.type) or pa.types.is_large_string(kind.type)):
        return
    pronoun = pc.fill_null(pc.equal(kind, "PRONOUN"), False).to_numpy(zero_copy_only=False)
    if not pronoun.any():
        return
    # (article, entity) as one integer, from the run's shared article numbers and entity rows
    entity = np.asarray(key_positions(tables, "mentions", "entity_id", "entities", "entity_id"), np.int64)
    article = np.asarray(article_numbers(tables, "mentions"), np.int64)
    asked = np.flatnonzero(pronoun & (entity >= 0) & (article >= 0))  # an unknown entity or article: dangling-foreign-key's
    if not len(asked):
        return
    # the anchors that could answer: NAME or NOMINAL rows of a pronoun's entity in an article with a pronoun
    referred = np.zeros(entities.num_rows + 1, bool)
    referred[entity[asked]] = True
    with_pronoun = np.zeros(int(article.max()) + 2, bool)
    with_pronoun[article[asked]] = True
    anchor = pc.fill_null(pc.or_(pc.equal(kind, "NAME"), pc.equal(kind, "NOMINAL")), False).to_numpy(zero_copy_only=False)
    anchors = np.flatnonzero(anchor & referred[entity] & with_pronoun[article])  # (-1 reads the last slot, always False)
    width = entities.num_rows + 1
    found = pc.is_in(pa.array(article[asked] * width + entity[asked]),
                     value_set=pa.array(article[anchors] * width + entity[anchors])).to_numpy(zero_copy_only=False)
    rows = asked[~found]
    for row_id, value in zip(ids_at(mentions, "mentions", rows), values_at(mentions, "entity_id", rows)):
        report.add("mentions", CHECK, f"a pronoun refers to an entity its article names or describes (M3): {value!r} has no "
                   "NAME or NOMINAL mention in this article", row_id, "entity_id", value)
    _check_auto_antecedents(mentions, asked[found], anchors, article * width + entity, report)


def _check_auto_antecedents(mentions: pa.Table, asked: np.ndarray, anchors: np.ndarray, keys: np.ndarray, report: Report) -> None:
    """M3 2.27: the extractor resolves a pronoun to an antecedent, so its PRONOUN row's entity has a
    NAME or NOMINAL mention that starts before it (an annotator may keep cataphora). Judged on the
    pronouns whose entity its article names at all (the others are the finding above)."""
    if not {"source", "start"} <= set(mentions.column_names) or not len(asked):
        return
    source, start = column(mentions, "source"), column(mentions, "start")
    if not (pa.types.is_string(source.type) or pa.types.is_large_string(source.type)) or not pa.types.is_integer(start.type):
        return
    auto = pc.fill_null(pc.equal(source, "auto"), False).to_numpy(zero_copy_only=False)
    asked = asked[auto[asked] & start.is_valid().to_numpy(zero_copy_only=False)[asked]]  # a null start: its own finding
    if not len(asked):
        return
    starts = pc.fill_null(start, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    scale = int(max(starts.max(initial=0), 0)) + 2  # (key, start + 1) as one integer, the key major
    if int(keys.max(initial=0)) < _INT64_MAX // scale - 1:
        anchored = np.sort(keys[anchors] * scale + starts[anchors] + 1)
        at = np.searchsorted(anchored, keys[asked] * scale + starts[asked] + 1)  # the first anchor at or after the pronoun
        earlier = (at > 0) & (anchored[np.maximum(at - 1, 0)] // scale == keys[asked])
    else:  # a key and a start too large for one integer: sorted by both
        order = anchors[np.lexsort((starts[anchors], keys[anchors]))]
        first = np.r_[True, keys[order][1:] != keys[order][:-1]]
        at = np.searchsorted(keys[order][first], keys[asked])  # every asked key has an anchor (found above)
        earlier = starts[order][first][at] < starts[asked]
    rows = asked[~earlier]
    for row_id, value in zip(ids_at(mentions, "mentions", rows), values_at(mentions, "entity_id", rows)):
        report.add("mentions", LATER, f"the extractor resolves a pronoun to an antecedent before it (M3): {value!r} is named or "
                   "described in this article only after it", row_id, "entity_id", value)
