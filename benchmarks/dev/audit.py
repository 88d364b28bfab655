"""Precision audit of `landstrikes extract`: every quote row on 20 unread texts, judged by hand.

Issue 17's reviewers counted, on 15 random articles, how many of the extractor's quote rows were
correct. This repeats their measurement out of sample (texts: `audit.tsv`; rules for the judges:
`AUDIT.md`):

    python benchmarks/dev/audit.py sheets /tmp/audit/sheets        # texts + rows, outside the repository
    python benchmarks/dev/audit.py --batch 2 sheets /tmp/audit2/sheets   # the second batch (audit2.tsv)
    python benchmarks/dev/audit.py compare DIR_A DIR_B             # where two judges disagree (TSV on stdout)
    python benchmarks/dev/audit.py score DIR [DIR_B ...]           # precision with a 95% interval (first DIR),
                                                                   # agreement of every pair of DIRs (stdout;
                                                                   # --json FILE also keeps it, e.g. under results/)
    python benchmarks/dev/audit.py --batch all score A1+A2 B1+B2   # both batches: a judge's folders joined by +
    python benchmarks/dev/audit.py --batch 3 sheets OUT --changed-from ADJ   # only rows a rule round added or changed
    python benchmarks/dev/audit.py --batch 3 score ADJ+AFTER_ADJ   # the code after the round: unchanged rows keep ADJ's labels

Judgments are stand-off: per text a JSON file with its id, sha256 and one entry per row (offsets,
kind, labels, a reason code), never words of the text. `score` runs the extractor again and
matches each judged row by (start, end, kind), so a figure always belongs to the code that ran;
a row judged but no longer produced, or produced but not judged, is counted and reported.
Needs ../shared/dev-news (internal evaluation only); the test suite does not.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from sample import DEV_NEWS, dev_texts, sha256  # noqa: E402

AUDIT_TSV = HERE / "audit.tsv"
BATCHES = {"1": (AUDIT_TSV,), "2": (HERE / "audit2.tsv",), "all": (AUDIT_TSV, HERE / "audit2.tsv"), "3": (HERE / "audit3.tsv",), "4": (HERE / "audit4.tsv",), "5": (HERE / "audit5.tsv",), "6": (HERE / "audit6.tsv",), "7": (HERE / "audit7.tsv",), "8": (HERE / "audit8.tsv",), "9": (HERE / "audit9.tsv",), "10": (HERE / "audit10.tsv",), "11": (HERE / "audit11.tsv",), "12": (HERE / "audit12.tsv",)}
"""Which text lists a run covers (`--batch`): the first batch, the second, both, the third
(kept apart: drawn before the sixth rule round, to judge that round on unread text), the fourth
(drawn before the seventh round, for the same reason), the fifth (drawn before the learned
speaker ranker), the sixth (drawn before the eighth round of speaker rules) the seventh (drawn
after the ninth), the eighth (the same code, more text) the ninth (drawn before the tenth
round), the tenth (from the half of dev-news kept from the eleventh round's writer) or the
eleventh and twelfth (the next two of that half, for the current code)."""
LABELS = {"span": {"ok", "boundary", "not_speech"}, "kind": {"ok", "wrong", "na"}, "speaker": {"ok", "wrong", "missing", "na"}}


def audit_texts(root: Path = DEV_NEWS, lists: tuple[Path, ...] = (AUDIT_TSV,)) -> dict[str, str]:
    """The audit's texts by id, each checked against the sha256 its list recorded."""
    texts = dev_texts(root)
    chosen = {}
    for line in (line for listed in lists for line in listed.read_text().splitlines()):
        text_id, digest, _ = line.split("\t")
        if sha256(texts[text_id]) != digest:
            raise SystemExit(f"{text_id}: sha256 differs from audit.tsv: not the text that was drawn")
        chosen[text_id] = texts[text_id]
    return chosen


def extracted_rows(text_id: str, text: str) -> list[dict]:
    """The extractor's quote rows for one text, in offset order."""
    from landstrikes.extract.article import extract_article

    rows = extract_article(text_id.replace("/", "__"), text)["quotes"]
    return sorted(rows, key=lambda r: (r["start"], r["end"], r["kind"]))


def file_name(text_id: str) -> str:
    return text_id.replace("/", "__")


def speaker_mention(row: dict) -> list | None:
    """The speaker a row was judged with (offsets and entity id): a later run that gives the same
    span another speaker has a row nobody judged. An `implicit` row has an entity and no mention
    (GUIDELINES Q9): `[None, None, entity]`, so a judgment made before its entity was shown
    (batches 3-6 recorded such rows as `null`) no longer covers it (AUDIT.md note 16)."""
    if row["speaker_start"] is None:
        return None if row["speaker_id"] is None else [None, None, row["speaker_id"]]
    return [row["speaker_start"], row["speaker_end"], row["speaker_id"]]


def judgment_key(text_id: str, row: dict, with_speaker: bool) -> tuple:
    """A row's key in a judgment folder: its span and kind, and its speaker where the judgment
    recorded one (the first two batches did not)."""
    key = (text_id, row["start"], row["end"], row["kind"])
    return (*key, json.dumps(row["speaker_mention"] if "speaker_mention" in row else speaker_mention(row))) if with_speaker else key


def write_sheets(out: Path, lists: tuple[Path, ...] = (AUDIT_TSV,), judged_before: Path | None = None) -> None:
    """One sheet (text + rows) and one empty judgment file per text, for a judge. With
    `judged_before`, only the rows no judgment there covers (what a rule round added or changed)."""
    out.mkdir(parents=True, exist_ok=True)
    before = read_judgments(judged_before) if judged_before else None
    for text_id, text in audit_texts(lists=lists).items():
        rows = extracted_rows(text_id, text)
        shown = [n for n, r in enumerate(rows) if before is None or resolve(before, text_id, r) is None]
        if before is not None and not shown:
            continue
        lines = [f"# {text_id}  ({len(text)} code points, {len(rows)} quote rows{'' if before is None else f', {len(shown)} to judge'})",
                 "", "## Text", "", "```", text, "```", "", "## Rows", ""]
        for n, r in ((n, rows[n]) for n in shown):
            speaker = (f"{r['speaker_text']!r} [{r['speaker_start']}-{r['speaker_end']}] entity {r['speaker_id']}" if r["speaker_start"] is not None
                       else f"none; speaker entity {r['speaker_id']} (no mention in its sentence)" if r["speaker_id"] is not None else "none")
            cue = f"{r['cue_text']!r} [{r['cue_start']}-{r['cue_end']}]" if r["cue_start"] is not None else "none"
            lines += [f"### row {n}: {r['kind']} [{r['start']}-{r['end']}]", f"- words: {r['text']!r}",
                      f"- speaker status: {r['speaker_status']}; speaker mention: {speaker}", f"- cue: {cue}", ""]
        (out / f"{file_name(text_id)}.md").write_text("\n".join(lines), encoding="utf-8")
        blank = {"id": text_id, "sha256": sha256(text), "judge": "",
                 "rows": [{"row": n, "start": r["start"], "end": r["end"], "kind": r["kind"], "speaker_mention": speaker_mention(r),
                           "span": "", "kind_label": "", "speaker": "", "reason": ""} for n, r in enumerate(rows) if n in shown]}
        (out / f"{file_name(text_id)}.json").write_text(json.dumps(blank, indent=1) + "\n", encoding="utf-8")
    print(f"sheets for {len(list(out.glob('*.md')))} texts in {out}")


def read_judgments(folder: Path) -> dict[tuple, dict]:
    """(text id, start, end, kind) -> that row's labels, checked against the label sets. A
    FOLDER+FOLDER argument reads both (one judge's batches, for `--batch all`)."""
    judged = {}
    parts = [Path(part) for part in str(folder).split("+")]
    for path in sorted(p for part in parts for p in part.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for row in data["rows"]:
            for field, allowed in (("span", LABELS["span"]), ("kind_label", LABELS["kind"]), ("speaker", LABELS["speaker"])):
                if row[field] not in allowed:
                    raise SystemExit(f"{path}: row {row['row']}: {field} {row[field]!r} is not one of {sorted(allowed)}")
            judged[judgment_key(data["id"], row, "speaker_mention" in row)] = row
    return judged


def resolve(judged: dict, text_id: str, row: dict) -> tuple | None:
    """The key of the judgment that covers a produced row: one made with the same speaker, else
    one that recorded no speaker; None when nobody judged this row as it now stands."""
    for key in (judgment_key(text_id, row, True), judgment_key(text_id, row, False)):
        if key in judged:
            return key
    return None


def produced_keys(judged: dict, produced: list[tuple[str, dict]]) -> set:
    """Each produced row as the key of its judgment, or, unjudged, as its own key with speaker."""
    return {resolve(judged, i, r) or judgment_key(i, r, True) for i, r in produced}


def folder_label(folder: Path) -> str:
    """A judgments argument by its folder names (`audit_adj+audit2_adj`), for the JSON."""
    return "+".join(Path(part).name for part in str(folder).split("+"))


def correct(row: dict) -> bool:
    return row["span"] == "ok" and row["speaker"] == "ok"


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """95% Wilson interval of a proportion (sound at small n and near 0 or 1)."""
    if n == 0:
        return (0.0, 1.0)
    p = hits / n
    centre, half = (p + z * z / (2 * n)) / (1 + z * z / n), z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (round(centre - half, 3), round(centre + half, 3))


def score(folders: list[Path], lists: tuple[Path, ...] = (AUDIT_TSV,)) -> dict:
    """Precision of the current extractor's rows under the first folder's judgments; agreement
    of every pair of folders."""
    texts = audit_texts(lists=lists)
    produced_rows = [(i, r) for i, t in texts.items() for r in extracted_rows(i, t)]
    first = read_judgments(folders[0])
    produced = produced_keys(first, produced_rows)
    rows = [first[k] for k in sorted(produced & first.keys())]
    hits = sum(map(correct, rows))
    by_kind = {kind: {"rows": len(rs), "correct": sum(map(correct, rs)), "interval_95": wilson(sum(map(correct, rs)), len(rs))}
               for kind in sorted({k[3] for k in produced & first.keys()})
               for rs in [[first[k] for k in produced & first.keys() if k[3] == kind]]}
    result = {
        "texts": len(texts), "judged_by": folder_label(folders[0]), "rows": len(rows), "correct": hits,
        "precision": round(hits / len(rows), 3) if rows else None, "interval_95": wilson(hits, len(rows)),
        "by_kind": by_kind,
        "span_labels": dict(Counter(r["span"] for r in rows)), "speaker_labels": dict(Counter(r["speaker"] for r in rows)),
        "kind_labels": dict(Counter(r["kind_label"] for r in rows)), "reasons": dict(sorted(Counter(r["reason"] for r in rows if r["reason"]).items())),
        "produced_not_judged": len(produced - first.keys()), "judged_not_produced": len(first.keys() - produced),
        "agreement": {},
    }
    judged = {folder_label(folder): read_judgments(folder) for folder in folders}
    names = list(judged)
    for i, one in enumerate(names):
        for other in names[i + 1:]:
            result["agreement"][f"{one} vs {other}"] = agreement(judged[one], judged[other], produced_keys(judged[one], produced_rows))
    result["direct_speaker"] = direct_speaker(first, produced)
    result["by_kind_and_reason"] = dict(sorted(Counter(f"{k[3]}: {first[k]['reason'] or 'correct'}" for k in produced & first.keys()).items()))
    return result


def direct_speaker(judged: dict, produced: set) -> dict:
    """Issue 17's speaker measure on the audit: of the direct rows that are speech, how many name
    the right speaker (or rightly none)."""
    speech = [judged[k] for k in sorted(produced & judged.keys()) if k[3] == "direct" and judged[k]["span"] != "not_speech"]
    right = sum(r["speaker"] == "ok" for r in speech)
    return {"rows": len(speech), "speaker_ok": right, "accuracy": round(right / len(speech), 3) if speech else None,
            "interval_95": wilson(right, len(speech))}


def agreement(first: dict, second: dict, produced: set) -> dict:
    """Share of the rows both judged on which two judgments give the same label, per field."""
    shared = sorted(produced & first.keys() & second.keys())
    if not shared:
        return {"rows": 0}
    same = lambda f: round(sum(f(first[k]) == f(second[k]) for k in shared) / len(shared), 3)  # noqa: E731
    return {"rows": len(shared), **{field: same(lambda r, field=field: r[field]) for field in ("span", "kind_label", "speaker")}, "correct": same(correct)}


def compare(a: Path, b: Path) -> None:
    """Rows on which two judges' labels differ, as TSV (offsets and labels only) for adjudication."""
    first, second = read_judgments(a), read_judgments(b)
    print("id\tstart\tend\tkind\tspeaker_mention\tfield\tjudge_a\tjudge_b")
    for key in sorted(first.keys() | second.keys()):
        row = (*key[:4], key[4] if len(key) > 4 else "-")
        if key not in first or key not in second:
            print(*row, "row", "present" if key in first else "absent", "present" if key in second else "absent", sep="\t")
            continue
        for field in ("span", "kind_label", "speaker"):
            if first[key][field] != second[key][field]:
                print(*row, field, first[key][field], second[key][field], sep="\t")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    parser.add_argument("--batch", choices=sorted(BATCHES), default="1", help="which texts: audit.tsv (1), audit2.tsv (2), both (all), audit3.tsv (3), audit4.tsv (4), audit5.tsv (5), audit6.tsv (6), audit7.tsv (7), audit8.tsv (8), audit9.tsv (9), audit10.tsv (10), audit11.tsv (11) or audit12.tsv (12)")
    sheets = commands.add_parser("sheets")
    sheets.add_argument("out", type=Path)
    sheets.add_argument("--changed-from", type=Path, help="only rows no judgment in this folder covers (a rule round's new or changed rows)")
    cmp = commands.add_parser("compare")
    cmp.add_argument("a", type=Path)
    cmp.add_argument("b", type=Path)
    sc = commands.add_parser("score")
    sc.add_argument("folders", type=Path, nargs="+")
    sc.add_argument("--json", type=Path, help="also write the figures here (never by default: a rescore must not overwrite a committed result)")
    args = parser.parse_args(argv)
    if args.command == "sheets":
        write_sheets(args.out, BATCHES[args.batch], args.changed_from)
    elif args.command == "compare":
        compare(args.a, args.b)
    else:
        result = score(args.folders, BATCHES[args.batch])
        if args.json:
            args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
