"""Agreement of the fifth independent pass (quotes, stances, quality flags) with release 2.19.0.

The quotes and stances had been compared only with the second pass, which the gold was later
adjudicated against, so their published agreement (F1 1.0 for quotes) said little. The fifth pass
(dataset/annotations/fifth_pass/) was made in session 23 by three readers new to the corpus, one
per layer, each given the guidelines (2.13, 2.14 for flags), the raw texts and, for stances, the
entity catalogue and the quote table (which define holders and who said what); each annotated its
whole layer before it was shown any gold. Its TSV files are kept as written. The partner is
release 2.19.0, released before any of the three was made, so the figures do not move when a
later release adopts a correction.

Quotes are matched by span (`match_spans`, exact and any overlap); their kind and speaker are
compared on the overlapping pairs. A speaker is compared as an entity id, or as its status where
the guidelines give no entity (an unnamed source, several speakers with their ids, a term, no
speaker). Stances are matched by (article, holder, target), the key one row stands for (S2);
label and confidence are compared on the shared keys, and evidence by its span. Quality flags
are read as the third pass's are (`thirdpass.flags_agreement`): evidence by any overlap with a
row of the same flag, the (article, flag) sets, and each article's quality label. The flags'
reader was given the guidelines and the raw texts only (not the segments either).
"""

from __future__ import annotations

from pathlib import Path

from landstrikes.documents.agreement import cohen_kappa, match_spans, prf
from landstrikes.documents.fourthpass import offset_in, read_partner, read_pass_tsv, refuse_repeated_rows
from landstrikes.documents.thirdpass import flags_agreement
from landstrikes.errors import BuildError, short
from landstrikes.schema.labels import HOLDER_GROUPS, HOLDER_KINDS, QUALITY_FLAGS, QUALITY_LABELS, QUOTE_KINDS, STANCE_CONFIDENCE, STANCE_LABELS

FIFTH = Path("annotations") / "fifth_pass"
PARTNER = Path("releases") / "2.19.0" / "data"
"""The gold the fifth pass is compared with: the release made before either of its files."""
PARTNER_PIN = "d44c5437f6d5fe542f5bae46615a12f36cf84c1e15f93a4a05a6bd70fe955691"
"""The sha256 of 2.19.0's MANIFEST.json as published (CHANGELOG, README)."""

PARTNER_USED = {
    "articles": ("article_id", "text", "quality_label"),
    "quality_flags": ("article_id", "flag", "start", "end"),
    "quotes": ("article_id", "start", "end", "kind", "speaker_status", "speaker_id", "speaker_ids"),
    "stances": ("article_id", "holder_kind", "holder_id", "holder_group", "target_id", "label",
                "evidence_start", "evidence_end", "stance_confidence"),
    "entities": ("entity_id",),
    "stance_targets": ("target_id",),
}

QUOTE_COLUMNS = ("article_id", "start", "end", "text", "speaker", "quote_type")
STANCE_COLUMNS = ("article_id", "holder", "holder_kind", "target", "label", "confidence",
                  "evidence_start", "evidence_end", "evidence_text")
QUOTE_LABELS = {"quote_type": QUOTE_KINDS}
STANCE_LABELS_CLOSED = {"holder_kind": HOLDER_KINDS, "label": STANCE_LABELS, "confidence": STANCE_CONFIDENCE}
FLAG_COLUMNS = ("article_id", "flag", "start", "end", "text")
LABEL_COLUMNS = ("article_id", "quality_label")

NO_SPEAKER = "none"
UNNAMED = "unnamed"
MULTIPLE = "multiple:"


def gold_speaker(row: dict) -> str:
    """A gold quote's speaker as the pass writes it: the entity, or the status where there is none."""
    status = row["speaker_status"]
    if status in ("attributed", "implicit"):
        return row["speaker_id"]
    if status == "multiple":
        return MULTIPLE + ",".join(sorted(row["speaker_ids"]))
    return {"unnamed_source": UNNAMED, "term": "term", "unattributed": NO_SPEAKER}[status]


def pass_speaker(value: str) -> str:
    """The pass's speaker column read the same way: `unnamed: <words>` is an unnamed source and
    `multiple: a, b` two speakers, whatever the words and order."""
    if value.startswith(UNNAMED):
        return UNNAMED
    if value.startswith(MULTIPLE):
        return MULTIPLE + ",".join(sorted(part.strip() for part in value[len(MULTIPLE):].split(",")))
    return value.strip()


def _gold(dataset_dir: Path) -> dict:
    tables = read_partner(dataset_dir, PARTNER, PARTNER_PIN, PARTNER_USED, "fifth")
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"]))
    quotes = [{**r, "span": (int(r["start"]), int(r["end"])), "who": gold_speaker(r)} for r in tables["quotes"].to_dict("records")]
    stances = []
    for r in tables["stances"].to_dict("records"):
        holder = {"entity": r["holder_id"], "group": r["holder_group"], "article": "article"}[r["holder_kind"]]
        stances.append({**r, "key": (r["article_id"], holder, r["target_id"]),
                        "span": (int(r["evidence_start"]), int(r["evidence_end"]))})
    flags = [{**r, "span": (int(r["start"]), int(r["end"]))} for r in tables["quality_flags"].to_dict("records")]
    labels = dict(zip(tables["articles"]["article_id"], tables["articles"]["quality_label"]))
    return {"texts": texts, "quotes": quotes, "stances": stances, "flags": flags, "labels": labels,
            "entities": frozenset(tables["entities"]["entity_id"]), "targets": frozenset(tables["stance_targets"]["target_id"])}


def _unknown(path: Path, line: int, column: str, value: str, what: str) -> BuildError:
    """A reference the partner release lacks: a slip that counted as a disagreement, or as a key
    matching nothing, with exit 0 (attack26)."""
    return BuildError(path, f"column {column}: {short(value)} is {what}", line, check="unknown-reference")


def _refuse_unknown_speaker(path: Path, line: int, value: str, entities: frozenset) -> None:
    who = pass_speaker(value)
    if who in (UNNAMED, NO_SPEAKER, "term"):
        return
    ids = who[len(MULTIPLE):].split(",") if who.startswith(MULTIPLE) else [who]
    for each in ids:
        if each not in entities:
            raise _unknown(path, line, "speaker", value, f"no entity of release 2.19.0 nor a status (`{UNNAMED}: <words>`, "
                           f"`{MULTIPLE} <id>, <id>`, `{NO_SPEAKER}`, `term`)")


def _refuse_unknown_stance(path: Path, line: int, row: dict, gold: dict) -> None:
    holder, kind = row["holder"], row["holder_kind"]
    known = {"entity": holder in gold["entities"], "group": holder in HOLDER_GROUPS, "article": holder == "article"}[kind]
    if not known:
        raise _unknown(path, line, "holder", holder, f"no {kind} holder (S3: an entity of release 2.19.0, one of the groups "
                       f"{', '.join(HOLDER_GROUPS)}, or `article`, as holder_kind says)")
    if row["target"] not in gold["targets"]:
        raise _unknown(path, line, "target", row["target"], "no stance target of release 2.19.0")


def checked_span(path: Path, line: int, row: dict, texts: dict[str, str], columns: tuple[str, str, str],
                 release: str = "2.19.0") -> tuple[int, int]:
    """The row's [start, end) after checking that its text is the article's slice there."""
    text = texts.get(row["article_id"])
    if text is None:
        raise BuildError(path, f"column article_id: {short(row['article_id'])} is no article of release {release}", line, check="raw-missing")
    start, end = (offset_in(path, line, row, c, len(text)) for c in columns[:2])
    if end <= start:
        raise BuildError(path, f"span {start}-{end} is empty or reversed", line, check="wrong-type")
    if text[start:end] != row[columns[2]]:
        raise BuildError(path, f"column {columns[2]}: {short(row[columns[2]])} is not the article's {start}-{end} "
                         f"{short(text[start:end])}", line, check="span-not-found")
    return start, end


def _quotes(path: Path, texts: dict[str, str], entities: frozenset) -> list[dict]:
    rows, keyed = [], []
    for line, row in read_pass_tsv(path, QUOTE_COLUMNS, QUOTE_LABELS, "fifth-pass file"):
        span = checked_span(path, line, row, texts, ("start", "end", "text"))
        _refuse_unknown_speaker(path, line, row["speaker"], entities)
        rows.append({**row, "span": span, "kind": row["quote_type"], "who": pass_speaker(row["speaker"])})
        keyed.append((line, (row["article_id"], span)))
    refuse_repeated_rows(path, keyed)
    return rows


def _stances(path: Path, gold: dict) -> list[dict]:
    rows, seen = [], {}
    for line, row in read_pass_tsv(path, STANCE_COLUMNS, STANCE_LABELS_CLOSED, "fifth-pass file"):
        span = checked_span(path, line, row, gold["texts"], ("evidence_start", "evidence_end", "evidence_text"))
        _refuse_unknown_stance(path, line, row, gold)
        key = (row["article_id"], row["holder"], row["target"])
        # one row per (article, holder, target), as in the gold (S2): a second would be counted twice
        first = seen.setdefault(key, line)
        if first != line:
            raise BuildError(path, f"holder {short(row['holder'])} and target {short(row['target'])} of {short(row['article_id'])} "
                             f"are given on line {first} too", line, check="duplicate-id")
        rows.append({**row, "key": key, "span": span})
    return rows


def _full_ids(rows: list[tuple[int, dict]], texts: dict[str, str]) -> list[tuple[int, dict]]:
    """Rows whose article is cited as the guidelines cite one (`a000` for `000_68b9...`) given the full id."""
    short_ids = {f"a{article_id.split('_')[0]}": article_id for article_id in texts}
    return [(line, {**row, "article_id": short_ids.get(row["article_id"], row["article_id"])}) for line, row in rows]


def _flags(folder: Path, texts: dict[str, str]) -> dict:
    """The flags' pass as `thirdpass.flags_agreement` reads one: evidence rows and a label per article."""
    path = folder / "quality_flags.tsv"
    read = _full_ids(read_pass_tsv(path, FLAG_COLUMNS, {"flag": QUALITY_FLAGS}, "fifth-pass file"), texts)
    flags = [{**row, "span": checked_span(path, line, row, texts, ("start", "end", "text"))} for line, row in read]
    refuse_repeated_rows(path, [(line, (row["flag"], row["article_id"], flag["span"])) for (line, row), flag in zip(read, flags)])
    path = folder / "quality_labels.tsv"
    labels: dict[str, str] = {}
    first_line: dict[str, int] = {}
    for line, row in _full_ids(read_pass_tsv(path, LABEL_COLUMNS, {"quality_label": QUALITY_LABELS}, "fifth-pass file"), texts):
        if row["article_id"] not in texts:
            raise BuildError(path, f"column article_id: {short(row['article_id'])} is no article of release 2.19.0", line, check="raw-missing")
        first = first_line.setdefault(row["article_id"], line)
        if first != line:
            raise BuildError(path, f"article {short(row['article_id'])} is given on line {first} too", line, check="duplicate-id")
        labels[row["article_id"]] = row["quality_label"]
    return {"flags": flags, "labels": labels}


def _share(agree: int, of: int) -> float:
    return round(agree / max(1, of), 4)


def _quote_figures(gold: list[dict], ours: list[dict]) -> dict:
    exact = match_spans(gold, ours, exact=True)
    pairs = match_spans(gold, ours, exact=False)
    return {
        "gold_rows": len(gold), "fifth_rows": len(ours), "matched_pairs": len(pairs),
        "span_exact": prf(len(exact), len(gold), len(ours)),
        "span_overlap": prf(len(pairs), len(gold), len(ours)),
        "kind_agreement": _share(sum(g["kind"] == s["kind"] for g, s in pairs), len(pairs)),
        "kind_kappa": cohen_kappa([g["kind"] for g, _ in pairs], [s["kind"] for _, s in pairs]),
        "speaker_agreement": _share(sum(g["who"] == s["who"] for g, s in pairs), len(pairs)),
    }


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _stance_figures(gold: list[dict], ours: list[dict]) -> dict:
    by_key = {row["key"]: row for row in ours}
    pairs = [(g, by_key[g["key"]]) for g in gold if g["key"] in by_key]
    return {
        "gold_rows": len(gold), "fifth_rows": len(ours), "shared_keys": len(pairs),
        "keys": prf(len(pairs), len(gold), len(ours)),
        "label_agreement": _share(sum(g["label"] == s["label"] for g, s in pairs), len(pairs)),
        "label_kappa": cohen_kappa([g["label"] for g, _ in pairs], [s["label"] for _, s in pairs]),
        "confidence_agreement": _share(sum(g["stance_confidence"] == s["confidence"] for g, s in pairs), len(pairs)),
        "evidence_exact": _share(sum(g["span"] == s["span"] for g, s in pairs), len(pairs)),
        "evidence_overlap": _share(sum(_overlaps(g["span"], s["span"]) for g, s in pairs), len(pairs)),
    }


def fifth_pass_agreement(dataset_dir: Path) -> dict | None:
    """Figures per layer, or None when the dataset holds no fifth pass."""
    folder = dataset_dir / FIFTH
    if not folder.exists():
        return None
    gold = _gold(dataset_dir)
    return {
        "partner": str(PARTNER.parent),
        "quotes": _quote_figures(gold["quotes"], _quotes(folder / "quotes.tsv", gold["texts"], gold["entities"])),
        "stances": _stance_figures(gold["stances"], _stances(folder / "stances.tsv", gold)),
        "quality_flags": flags_agreement(gold, _flags(folder, gold["texts"]), side="fifth"),
    }
