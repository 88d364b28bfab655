"""The `landstrikes` command: a thin layer over the library; exit codes 0 ok, 1 invalid, 2 unusable."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from landstrikes.errors import BuildError

DEFAULT_DATASET = Path("dataset")


def cmd_build(args) -> int:
    from landstrikes.build import build

    try:
        result = build(args.dataset)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"landstrikes build: {result.articles} articles from {args.dataset / 'raw'}")
    print(result.report.to_text())
    if not result.report.ok:
        print("build refused: the tables did not validate; dataset/data was left untouched", file=sys.stderr)
    return result.report.exit_code


def cmd_validate(args) -> int:
    from landstrikes.schema import validate

    report = validate(args.path)
    print(report.to_text())
    if args.json:
        Path(args.json).write_text(report.to_json() + "\n", encoding="utf-8")
    return report.exit_code


def cmd_agreement(args) -> int:
    from landstrikes.agreement import write_agreement

    result = write_agreement(args.dataset, args.out)
    q, st, cl = result["quotes"], result["stances"], result["claims"]
    print(f"quotes   span F1 exact {q['span_exact']['f1']:.3f}  overlap {q['span_overlap']['f1']:.3f}  "
          f"kind kappa {q['kind_kappa']}  speaker agreement {q['speaker_agreement']:.3f}")
    print(f"stances  shared (article, holder, target) {st['shared_keys']}  label kappa {st['label_kappa']}")
    print(f"claims   span F1 overlap {cl['span_overlap']['f1']:.3f}  consistency kappa {cl['consistency_kappa']}")
    print(f"written to {args.out}")
    return 0


def cmd_export_schemas(args) -> int:
    from landstrikes.schema.export import export_schemas

    for path in export_schemas(args.out) if args.out else export_schemas():
        print(f"wrote {path}")
    return 0


def cmd_extract(args) -> int:
    from landstrikes.extract.run import extract_folder

    try:
        result = extract_folder(args.raw_dir, args.out, num_proc=args.num_proc)
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for skipped in result.skipped:
        print(f"skipped {skipped}", file=sys.stderr)
    rows = ", ".join(f"{name} {n}" for name, n in result.rows.items() if n)
    print(f"landstrikes extract: {result.articles} articles -> {args.out / 'data'} ({rows})")
    return 0


def cmd_evaluate(args) -> int:
    from landstrikes.evaluate import evaluate, to_text

    try:
        result = evaluate(args.pred_dir, args.gold)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(to_text(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="landstrikes", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="regenerate and validate every table from raw text + annotations")
    p.add_argument("--dataset", type=Path, default=DEFAULT_DATASET, help="dataset folder (default: dataset)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("validate", help="check a folder of tables (dataset, release or copy)")
    p.add_argument("path", type=Path, nargs="?", default=DEFAULT_DATASET, help="folder to check (default: dataset)")
    p.add_argument("--json", metavar="FILE", help="also write the full machine-readable report")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("agreement", help="gold vs the independent second annotation pass")
    p.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    p.add_argument("--out", type=Path, default=DEFAULT_DATASET / "agreement.json")
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser("export-schemas", help="write each table's Pandera schema as YAML (default: schema/)")
    p.add_argument("--out", type=Path, default=None)
    p.set_defaults(func=cmd_export_schemas)

    p = sub.add_parser("extract", help="automatic (silver) tables for a folder of raw article texts")
    p.add_argument("raw_dir", type=Path, help="folder of UTF-8 *.txt articles")
    p.add_argument("--out", type=Path, required=True, help="output folder (tables go to OUT/data)")
    p.add_argument("--num-proc", type=int, default=1, help="worker processes for datasets.map (default 1)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("evaluate", help="precision/recall/F1 of silver tables against the gold")
    p.add_argument("pred_dir", type=Path, help="folder with predicted tables (e.g. an extract --out folder)")
    p.add_argument("--gold", type=Path, default=DEFAULT_DATASET, help="gold dataset folder (default: dataset)")
    p.add_argument("--json", metavar="FILE", help="also write every figure as JSON")
    p.set_defaults(func=cmd_evaluate)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
