"""Build `stance_targets` (catalogue) and `stances` (per article, S1-S4)."""

from landstrikes.annotations.corpus import Corpus
from landstrikes.errors import short
from landstrikes.schema.labels import FNC_LABELS, HOLDER_GROUPS, STANCE_CONFIDENCE, STANCE_LABELS
from landstrikes.tables.common import choice, layer_records, span_of, unique_rows


def build_stance_targets(corpus: Corpus) -> list[dict]:
    rows = []
    for record in corpus.stance_targets:
        record.check_keys({"id", "description"})
        rows.append({"target_id": str(record.require("id")), "description": str(record.require("description"))})
    return unique_rows(rows, "target_id", list(corpus.stance_targets))


def build_stances(corpus: Corpus) -> list[dict]:
    rows, recs = [], []
    for article, record in layer_records(corpus, "stances"):
        record.check_keys({"holder", "group", "target", "label", "evidence", "fnc", "confidence"})
        holder, group = record.get("holder"), record.get("group")
        if holder is not None and group is not None:
            raise record.error("a stance has a holder entity or a holder group, not both (S3)")
        if group is not None and group not in HOLDER_GROUPS:
            raise record.error(f"group={group!r} is not one of {list(HOLDER_GROUPS)}")
        kind = "entity" if holder is not None else "group" if group is not None else "article"
        key = holder if holder is not None else f"group-{group}" if group is not None else "article"
        target = str(record.require("target"))
        start, end = span_of(record, article, record.require("evidence"), "evidence")
        fnc = record.get("fnc")
        if fnc is not None and fnc not in FNC_LABELS:
            raise record.error(f"fnc={short(fnc)} is not one of {list(FNC_LABELS)}", "fnc", "label-outside-set")
        rows.append(
            {
                "stance_id": f"{article.article_id}:s:{key}:{target}",
                "article_id": article.article_id,
                "holder_kind": kind,
                "holder_id": holder,
                "holder_group": group,
                "target_id": target,
                "label": choice(record, "label", STANCE_LABELS),
                "evidence_start": start,
                "evidence_end": end,
                "evidence_text": article.text[start:end],
                "fnc_label": fnc,
                "stance_confidence": choice(record, "confidence", STANCE_CONFIDENCE),
            }
        )
        recs.append(record)
    return unique_rows(rows, "stance_id", recs)
