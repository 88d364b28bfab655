"""Agreement of the fourth independent pass (entities, mentions, segments) with release 2.5.0.

Until 2.6.0 the catalogue, the mentions and the segments had no independent pass at all: one
annotator wrote them and the build enforced their invariants, which proves consistency, not
that another annotator would have drawn the same entities. The fourth pass
(dataset/annotations/fourth_pass/) was made from guidelines 2.4 and the raw texts only, by an
annotator who saw neither the gold nor any other pass; its TSV files are kept as written.
Its partner is release 2.5.0's tables, released before the pass was made, so both sides are
independent and the figures do not move when a later release adopts a correction from it.

Entities have no shared ids, so each pass entity is aligned with the gold entity its mentions
overlap most often (a name shared with a gold name or alias when none overlaps). Mentions are
matched by span (`match_spans`, exact and any overlap); segments are compared code point by
code point (every code point carries its segment's kind on each side) and by where they start.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from landstrikes.documents.agreement import cohen_kappa, match_spans, prf
from landstrikes.annotations.yamlsource import read_source_text
from landstrikes.errors import BuildError, counted, noun, short
from landstrikes.schema.labels import ENTITY_FLAGS, ENTITY_TYPES, MENTION_KINDS, SEGMENT_KINDS
from landstrikes.schema.registry import TABLES_BY_NAME
from landstrikes.schema.used_columns import read_used

FOURTH = Path("annotations") / "fourth_pass"
PARTNER = Path("releases") / "2.5.0" / "data"
"""The gold the fourth pass is compared with: the release made before the pass was."""
PARTNER_PIN = "943e0fd372f72d5fd776e53a516657fbbb76b3c018cb7161b5192bdd450e5e60"
"""The sha256 of 2.5.0's MANIFEST.json as published (CHANGELOG): the partner is that release."""

PARTNER_USED = {
    "articles": ("article_id", "text"),
    "entities": ("entity_id", "name", "type", "aliases", "flag"),
    "mentions": ("article_id", "start", "end", "entity_id", "kind"),
    "segments": ("article_id", "start", "end", "kind"),
}

PASS_COLUMNS = {
    "entities.tsv": ("entity_id", "name", "type", "aliases", "flag"),
    "mentions.tsv": ("article_id", "start", "end", "text", "entity_id", "kind"),
    "segments.tsv": ("article_id", "start", "end", "kind"),
}
"""The columns of each pass file the figures read (others, such as a note, are kept unread)."""

NO_FLAG = "none"

LABELS = {
    "entities.tsv": {"type": ENTITY_TYPES, "flag": ("", *ENTITY_FLAGS)},
    "mentions.tsv": {"kind": MENTION_KINDS},
    "segments.tsv": {"kind": SEGMENT_KINDS},
}
"""The closed label sets of the columns compared: a label outside them (`name`, `NAME `) would be
read as a category of its own, moving kappa and the name-mention figures without a word."""


def read_pass_tsv(path: Path, columns: tuple[str, ...] | None = None, labels: dict | None = None,
                  what: str = "fourth-pass file") -> list[tuple[int, dict]]:
    """(line number, row) of a pass file, each row holding the columns the figures read; a file
    missing, not UTF-8, lacking a column or with a row of another width is one line naming it.
    The columns and closed label sets are the fourth pass's file's unless given (the fifth pass)."""
    needed = PASS_COLUMNS[path.name] if columns is None else columns
    closed = LABELS[path.name] if labels is None else labels
    # as every annotation source is read: a FIFO or /dev/zero is never opened, a bad byte is named
    # with its line, and no universal newlines (read_text ended a row at a lone CR)
    text = read_source_text(path, what)
    # rows end at a line feed only: str.splitlines also breaks at U+2028, NEL and the like, which a
    # mention's text may hold
    lines = [line.split("\t") if line else [] for line in (raw.removesuffix("\r") for raw in text.split("\n"))]
    if lines and not lines[-1]:
        lines.pop()
    if not lines:
        raise BuildError(path, "holds no header row", check="source-unreadable")
    header = lines[0]
    if header[0].startswith("\ufeff"):
        raise BuildError(path, "starts with a byte order mark; save it as UTF-8 without one", 1, check="wrong-type")
    missing = [name for name in needed if name not in header]
    if missing:
        raise BuildError(path, f"header lacks the {noun(len(missing), 'column')} {', '.join(missing)}", 1, check="missing-field")
    rows = []
    for number, fields in enumerate(lines[1:], start=2):
        if not fields:
            continue
        if len(fields) != len(header):
            raise BuildError(path, f"{counted(len(fields), 'field')}, the header has {len(header)}", number, check="wrong-type")
        row = dict(zip(header, fields))
        for column, allowed in closed.items():
            if row[column] not in allowed:
                raise BuildError(path, f"column {column}: {short(row[column])} is not one of {', '.join(filter(None, allowed))}",
                                 number, check="label-outside-set")
        rows.append((number, row))
    return rows


def refuse_repeated_rows(path: Path, keyed: list[tuple[int, tuple]]) -> None:
    """(line, key) of a pass file's rows: a key given on two lines is refused, naming both. Spans
    are keys because the gold's ids are spans (`<article>:m:<start>-<end>`; a flag's with its
    flag): a repeated row was counted as one more, moving its layer's figures with exit 0 (the
    fourth pass's mentions since attack16, the fifth's quotes and flags and the claims passes
    since attack26)."""
    first: dict[tuple, int] = {}
    for line, key in keyed:
        seen = first.setdefault(key, line)
        if seen != line:
            *label, article_id, (start, end) = key
            raise BuildError(path, f"{' '.join(label + ['span'])} {start}-{end} of {short(article_id)} is given on line {seen} too",
                             line, check="duplicate-id")


def offset_in(path: Path, line: int, row: dict, column: str, length: int) -> int:
    """A pass row's offset column as an int into an article of `length` code points, or one line naming it."""
    value = row[column]
    # (the length first: int() refuses more than 4,300 digits, which isdigit() lets through)
    if not value.isascii() or not value.isdigit() or len(value) > len(str(length)) or int(value) > length:
        raise BuildError(path, f"column {column}: {short(value)} is no offset into the article (0..{length})", line, check="wrong-type")
    return int(value)


def _spans(path: Path, texts: dict[str, str], with_text: bool) -> list[dict]:
    """The rows of a span file with `span` (start, end) checked against the raw text."""
    rows = []
    for line, row in read_pass_tsv(path):
        text = texts.get(row["article_id"])
        if text is None:
            raise BuildError(path, f"column article_id: {short(row['article_id'])} is no article of release 2.5.0", line, check="raw-missing")
        start, end = (offset_in(path, line, row, c, len(text)) for c in ("start", "end"))
        if end <= start:
            raise BuildError(path, f"span {start}-{end} is empty or reversed", line, check="wrong-type")
        if with_text and text[start:end] != row["text"]:
            raise BuildError(path, f"column text: {short(row['text'])} is not the article's {start}-{end} {short(text[start:end])}",
                             line, check="span-not-found")
        rows.append({**row, "span": (start, end), "line": line})
    return rows


def _refuse_overlaps(path: Path, segments: list[dict]) -> None:
    """Each code point belongs to one segment (SG1) and carries its kind: a segment over another's
    code points would silently replace its kind in the code-point figures."""
    previous = None
    for row in sorted(segments, key=lambda r: (r["article_id"], r["span"], r["line"])):
        if previous is not None and previous["article_id"] == row["article_id"] and row["span"][0] < previous["span"][1]:
            raise BuildError(path, f"span {row['span'][0]}-{row['span'][1]} overlaps the segment of line {previous['line']} "
                             f"({previous['span'][0]}-{previous['span'][1]})", row["line"], check="segment-overlap")
        if previous is None or previous["article_id"] != row["article_id"] or row["span"][1] > previous["span"][1]:
            previous = row


def _entities(path: Path) -> dict[str, dict]:
    """The pass catalogue by id, aliases parsed (a JSON list of texts)."""
    catalogue = {}
    for line, row in read_pass_tsv(path):
        try:
            aliases = json.loads(row["aliases"] or "[]")
        except (ValueError, RecursionError):  # JSONDecodeError, an integer past int's digit limit, nesting past the stack
            aliases = None
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise BuildError(path, f"column aliases: {short(row['aliases'])} is not a JSON list of texts", line, check="wrong-type")
        if row["entity_id"] in catalogue:
            raise BuildError(path, f"column entity_id: {short(row['entity_id'])} is catalogued twice", line, check="duplicate-id")
        catalogue[row["entity_id"]] = {**row, "aliases": aliases, "flag": row["flag"] or NO_FLAG}
    return catalogue


def align_entities(pairs: list[tuple[dict, dict]], catalogue: dict[str, dict], gold: dict[str, dict]) -> dict[str, str]:
    """Pass entity id -> the gold entity it stands for: the one its matched mentions point to most
    often (ties: the smaller id), else one sharing a name or alias with it."""
    votes = Counter((s["entity_id"], g["entity_id"]) for g, s in pairs)
    aligned: dict[str, str] = {}
    for (ours, theirs), _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
        aligned.setdefault(ours, theirs)
    names = {}
    for entity_id, entity in sorted(gold.items()):
        for name in [entity["name"], *entity["aliases"]]:
            names.setdefault(name, entity_id)
    for entity_id, entity in catalogue.items():
        if entity_id not in aligned:
            shared = [names[n] for n in [entity["name"], *entity["aliases"]] if n in names]
            if shared:
                aligned[entity_id] = shared[0]
    return aligned


def read_partner(dataset_dir: Path, partner: Path, pin: str, used: dict[str, tuple], which: str) -> dict:
    """The used columns of a pass's partner release, read only once the release verifies against its pin."""
    folder = dataset_dir / partner
    if not folder.parent.is_dir():
        raise BuildError(folder.parent, f"the {which} pass is compared with this release, which the folder lacks: copy it "
                         f"from the repository's dataset/releases/, or leave annotations/{which}_pass/ out", check="source-unreadable")
    refuse_an_unverified_partner(folder.parent, pin, tuple(used), which)
    return {name: read_used(folder / name, TABLES_BY_NAME[name], columns) for name, columns in used.items()}


def _gold(dataset_dir: Path) -> dict:
    tables = read_partner(dataset_dir, PARTNER, PARTNER_PIN, PARTNER_USED, "fourth")
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"]))
    entities = {r["entity_id"]: {**r, "aliases": list(r["aliases"] or []), "flag": r["flag"] if isinstance(r["flag"], str) else NO_FLAG}
                for r in tables["entities"].to_dict("records")}
    spans = {name: [{**r, "span": (int(r["start"]), int(r["end"]))} for r in tables[name].to_dict("records")]
             for name in ("mentions", "segments")}
    return {"texts": texts, "entities": entities, **spans}


def refuse_an_unverified_partner(release: Path, pin: str, tables: tuple[str, ...], which: str) -> None:
    """The partner is read as released: a release is verified when it is loaded, and a table of
    2.5.0 rewritten (every mention kind NAME) moved the published figures without a word (attack20)."""
    from landstrikes.releases.manifest import checked

    problems = [p for p in checked(release, pin, decode=tables).problems
                if p.path != "MANIFEST.json#previous_release"]  # a copy may hold other releases beside it
    if problems:
        first = problems[0]
        more = f" (and {counted(len(problems) - 1, 'more problem')})" if len(problems) > 1 else ""
        raise BuildError(release / first.path, f"{short(first.message)}{more}: the {which} pass's partner release does not "
                         f"verify (`landstrikes verify {release.name}`); restore it from the repository", check=first.check)


def _mention_figures(gold: list[dict], ours: list[dict], aligned: dict[str, str]) -> dict:
    out = {"gold_rows": len(gold), "fourth_rows": len(ours)}
    exact = match_spans(gold, ours, exact=True)
    pairs = match_spans(gold, ours, exact=False)
    out["span_exact"] = prf(len(exact), len(gold), len(ours))
    out["span_overlap"] = prf(len(pairs), len(gold), len(ours))
    out["matched_pairs"] = len(pairs)
    out["entity_agreement"] = round(sum(aligned.get(s["entity_id"]) == g["entity_id"] for g, s in pairs) / max(1, len(pairs)), 4)
    out["kind_kappa"] = cohen_kappa([g["kind"] for g, _ in pairs], [s["kind"] for _, s in pairs])
    return out


def _kind_per_code_point(rows: list[dict], texts: dict[str, str]) -> list[str]:
    """Every code point of every article labelled with its segment's kind ('' where none is)."""
    labels = []
    for article_id, text in sorted(texts.items()):
        own = [""] * len(text)
        for row in rows:
            if row["article_id"] == article_id:
                start, end = row["span"]
                own[start:end] = [row["kind"]] * (end - start)
        labels.extend(own)
    return labels


def _run_starts(rows: list[dict]) -> set[tuple[str, int]]:
    """Where a run of one kind begins: SG1 does not say whether two adjacent blocks of one kind
    (two body paragraphs) are one segment or two, so boundaries are compared where the kind changes."""
    starts, previous = set(), None
    for row in sorted(rows, key=lambda r: (r["article_id"], r["span"])):
        if previous is None or previous["article_id"] != row["article_id"] or previous["kind"] != row["kind"] \
                or previous["span"][1] != row["span"][0]:
            starts.add((row["article_id"], row["span"][0]))
        previous = row
    return starts


def _segment_figures(gold: list[dict], ours: list[dict], texts: dict[str, str]) -> dict:
    a, b = _kind_per_code_point(gold, texts), _kind_per_code_point(ours, texts)
    starts_gold = {(r["article_id"], r["span"][0]) for r in gold}
    starts_ours = {(r["article_id"], r["span"][0]) for r in ours}
    runs_gold, runs_ours = _run_starts(gold), _run_starts(ours)
    return {
        "kind_changes": prf(len(runs_gold & runs_ours), len(runs_gold), len(runs_ours)),
        "gold_rows": len(gold), "fourth_rows": len(ours), "code_points": len(a),
        "kind_agreement": round(sum(x == y for x, y in zip(a, b)) / max(1, len(a)), 4),
        "kind_kappa": cohen_kappa(a, b),
        "starts": prf(len(starts_gold & starts_ours), len(starts_gold), len(starts_ours)),
        "gold_kinds": dict(sorted(Counter(r["kind"] for r in gold).items())),
        "fourth_kinds": dict(sorted(Counter(r["kind"] for r in ours).items())),
    }


def _catalogue_figures(aligned: int, ours: int, covered: int, gold: int) -> dict:
    """Precision: pass entities standing for a gold one; recall: gold entities some pass entity stands for."""
    p, r = aligned / max(1, ours), covered / max(1, gold)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def fourth_pass_agreement(dataset_dir: Path) -> dict | None:
    """Figures per layer, or None when the dataset holds no fourth pass."""
    folder = dataset_dir / FOURTH
    if not folder.exists():
        return None
    gold = _gold(dataset_dir)
    catalogue = _entities(folder / "entities.tsv")
    mentions = _spans(folder / "mentions.tsv", gold["texts"], with_text=True)
    refuse_repeated_rows(folder / "mentions.tsv", [(row["line"], (row["article_id"], row["span"])) for row in mentions])
    for row in mentions:
        if row["entity_id"] not in catalogue:
            raise BuildError(folder / "mentions.tsv", f"column entity_id: {short(row['entity_id'])} is not in entities.tsv", row["line"],
                             check="unknown-reference")
    segments = _spans(folder / "segments.tsv", gold["texts"], with_text=False)
    _refuse_overlaps(folder / "segments.tsv", segments)
    aligned = align_entities(match_spans(gold["mentions"], mentions, exact=False), catalogue, gold["entities"])
    pairs = [(catalogue[ours], gold["entities"][theirs]) for ours, theirs in sorted(aligned.items())]
    names = [m for m in mentions if m["kind"] == "NAME"]
    return {
        "partner": str(PARTNER.parent),
        "entities": {
            "gold_rows": len(gold["entities"]), "fourth_rows": len(catalogue),
            "aligned": len(aligned), "gold_covered": len(set(aligned.values())),
            "catalogue": _catalogue_figures(len(aligned), len(catalogue), len(set(aligned.values())), len(gold["entities"])),
            "split": sum(n > 1 for n in Counter(aligned.values()).values()),
            "type_agreement": round(sum(p["type"] == g["type"] for p, g in pairs) / max(1, len(pairs)), 4),
            "type_kappa": cohen_kappa([g["type"] for _, g in pairs], [p["type"] for p, _ in pairs]),
            "flag_agreement": round(sum(p["flag"] == g["flag"] for p, g in pairs) / max(1, len(pairs)), 4),
            "flagged": {"gold": sum(e["flag"] != NO_FLAG for e in gold["entities"].values()),
                        "fourth": sum(e["flag"] != NO_FLAG for e in catalogue.values())},
        },
        "mentions": _mention_figures(gold["mentions"], mentions, aligned),
        "name_mentions": _mention_figures([m for m in gold["mentions"] if m["kind"] == "NAME"], names, aligned),
        "mention_kinds": {"gold": dict(sorted(Counter(m["kind"] for m in gold["mentions"]).items())),
                          "fourth": dict(sorted(Counter(m["kind"] for m in mentions).items()))},
        "segments": _segment_figures(gold["segments"], segments, gold["texts"]),
    }
