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

    if args.engine is not None:
        from landstrikes.engines import EngineUnavailable
        from landstrikes.engines.validate import validate_partitioned

        try:
            report = validate_partitioned(args.path, args.engine, args.num_proc)
        except EngineUnavailable as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    else:
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


def cmd_stats(args) -> int:
    from landstrikes.docgen import BlockSyntaxError, StatsInputError, check, corpus_stats, write

    root = args.root if args.root is not None else args.dataset.parent
    try:
        stats = corpus_stats(args.dataset)
        if args.check:
            drifts = check(stats, root, args.dataset)
            for drift in drifts:
                print(f"drift: {drift}", file=sys.stderr)
            if drifts:
                print("run `landstrikes stats` to regenerate", file=sys.stderr)
                return 1
            print("landstrikes stats: datasheet, README, stats.json and figures match the tables")
            return 0
        changed = write(stats, root, args.dataset)
    except (StatsInputError, BlockSyntaxError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(f"wrote {path}" for path in changed) or "landstrikes stats: everything was up to date")
    return 0


def cmd_export_schemas(args) -> int:
    from landstrikes.schema.export import export_schemas

    for path in export_schemas(args.out) if args.out else export_schemas():
        print(f"wrote {path}")
    return 0


def cmd_render(args) -> int:
    from landstrikes.render import RenderError, render_site

    try:
        site = render_site(args.path, args.out)
    except RenderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"landstrikes render: {len(site.pages)} pages from {args.path} -> {site.index}")
    if site.missing:
        print(f"missing tables (drawn as empty): {', '.join(site.missing)}")
    if site.problems:
        print(f"{site.problems} span(s) did not fit their article and were listed, not drawn")
    return 0


def cmd_release(args) -> int:
    from landstrikes.errors import ReleaseError
    from landstrikes.release import release

    try:
        result = release(args.dataset, args.version, changelog=args.changelog)
    except (ReleaseError, BuildError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    manifest = result.manifest
    print(f"released {manifest['dataset_version']} to {result.path} ({len(manifest['files'])} files, "
          f"bump: {manifest['bump']}); changelog: {result.changelog}")
    if result.diff is not None:
        print(result.diff.to_text())
    if manifest["source"]["git_dirty"]:
        print("warning: the work tree had uncommitted changes (recorded in MANIFEST.json)", file=sys.stderr)
    return 0


def cmd_diff(args) -> int:
    from landstrikes.diff import diff_folders
    from landstrikes.errors import ReleaseIntegrityError, ReleaseNotFound
    from landstrikes.loading import resolve_release
    from landstrikes.manifest import MANIFEST, verified_manifest

    try:
        old, new = (resolve_release(v, args.dataset) for v in (args.old, args.new))
        for folder in (old, new):
            if (folder / MANIFEST).is_file():
                verified_manifest(folder)
        result = diff_folders(old, new, args.old, args.new)
    except (ReleaseNotFound, ReleaseIntegrityError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(result.to_text())
    if args.json:
        Path(args.json).write_text(result.to_json() + "\n", encoding="utf-8")
    return 1 if result.changed_tables else 0


def cmd_verify(args) -> int:
    from landstrikes.errors import ReleaseNotFound
    from landstrikes.loading import resolve_release
    from landstrikes.manifest import verify
    from landstrikes.release import find_releases, releases_dir

    try:
        folders = ([resolve_release(args.release, args.dataset)] if args.release
                   else list(find_releases(releases_dir(args.dataset)).values()))
    except ReleaseNotFound as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not folders:
        print(f"error: no releases under {releases_dir(args.dataset)}", file=sys.stderr)
        return 2
    failed = 0
    for folder in folders:
        problems = verify(folder)
        failed += bool(problems)
        print(f"{folder}: {'ok' if not problems else f'FAILED ({len(problems)} problem(s))'}")
        for p in problems:
            print(f"  [{p.check}] {p.path}: {p.message}")
    return 1 if failed else 0
def _positive_int(value: str) -> int:
    """argparse type for extract's counts: a bad value is a one-line usage error (exit 2)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {value!r}")
    return number


def cmd_extract(args) -> int:
    from landstrikes.engines import EngineUnavailable, start
    from landstrikes.extract.failures import ERRORS_FILE
    from landstrikes.extract.run import extract_folder

    try:
        start(args.engine, args.num_proc)
        result = extract_folder(args.raw_dir, args.out, num_proc=args.num_proc, max_chars=args.max_chars,
                                time_budget=args.time_budget or None, engine=args.engine)
    except (BuildError, EngineUnavailable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for failure in result.failures:
        print(f"failed {failure.line()}", file=sys.stderr)
    rows = ", ".join(f"{name} {n}" for name, n in result.rows.items() if n)
    dups = f", {len(result.duplicates)} duplicate file(s) recorded" if result.duplicates else ""
    print(f"landstrikes extract: {result.articles} articles -> {args.out / 'data'} ({rows}){dups}")
    if result.failures:
        print(f"landstrikes extract: done with {len(result.failures)} failure(s), listed in {args.out / ERRORS_FILE}", file=sys.stderr)
        return 3
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

    p = sub.add_parser(
        "validate", help="check a folder of tables (dataset, release or copy)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit codes:\n  0  valid\n  1  invalid (each failure: check id, table, row id, column, value)\n"
               "  2  unusable input (missing folder, unreadable Parquet), or --engine cannot start",
    )
    p.add_argument("path", type=Path, nargs="?", default=DEFAULT_DATASET, help="folder to check (default: dataset)")
    p.add_argument("--json", metavar="FILE", help="also write the full machine-readable report")
    p.add_argument("--engine", choices=("local", "ray"), default=None,
                   help="check a partitioned folder (e.g. extract output) partition by partition on this engine, "
                        "corpus-wide keys in a bounded-memory pass (default: read the folder as one corpus)")
    p.add_argument("--num-proc", type=_positive_int, default=2, help="workers for --engine (default 2)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("agreement", help="gold vs the independent second annotation pass")
    p.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    p.add_argument("--out", type=Path, default=DEFAULT_DATASET / "agreement.json")
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser("stats", help="regenerate datasheet/README numbers, stats.json and figures from the tables")
    p.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    p.add_argument("--root", type=Path, default=None, help="folder with DATASHEET.md, README.md (default: DIR/..)")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 naming each drifted block or file")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("export-schemas", help="write each table's Pandera schema as YAML (default: schema/)")
    p.add_argument("--out", type=Path, default=None)
    p.set_defaults(func=cmd_export_schemas)

    p = sub.add_parser("render", help="static HTML viewer of every layer (dataset, release or silver folder)")
    p.add_argument("path", type=Path, nargs="?", default=DEFAULT_DATASET, help="folder to draw (default: dataset)")
    p.add_argument("--out", type=Path, required=True, help="folder to write the site into")
    p.set_defaults(func=cmd_render)
    p = sub.add_parser("release", help="snapshot the validated build as immutable release X.Y.Z")
    p.add_argument("version", help="X.Y.Z, greater than the last release by at least the change's bump")
    p.add_argument("--dataset", type=Path, default=DEFAULT_DATASET, help="dataset folder (default: dataset)")
    p.add_argument("--changelog", type=Path, default=None, help="default: CHANGELOG.md beside the dataset folder")
    p.set_defaults(func=cmd_release)

    p = sub.add_parser("diff", help="rows added/removed/changed per table between two releases or folders")
    p.add_argument("old", help="release version (under DIR/releases) or folder")
    p.add_argument("new", help="release version (under DIR/releases) or folder")
    p.add_argument("--dataset", type=Path, default=DEFAULT_DATASET, help="dataset folder (default: dataset)")
    p.add_argument("--json", metavar="FILE", help="also write the full diff as JSON")
    p.set_defaults(func=cmd_diff)

    p = sub.add_parser("verify", help="re-hash a release (default: every release) against its MANIFEST.json")
    p.add_argument("release", nargs="?", help="release version or folder (default: all under DIR/releases)")
    p.add_argument("--dataset", type=Path, default=DEFAULT_DATASET, help="dataset folder (default: dataset)")
    p.set_defaults(func=cmd_verify)
    p = sub.add_parser(
        "extract", help="automatic (silver) tables for a folder of raw article texts",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="exit codes:\n  0  every article extracted\n"
               "  2  unusable input: no such folder, no *.txt, an OUT/data not written by extract, or --engine\n"
               "     cannot start (nothing written)\n"
               "  3  done with N failures: the other articles are written; each failed file is one line on\n"
               "     stderr and one row of OUT/extract_errors.csv (duplicates go to OUT/extract_duplicates.csv)",
    )
    p.add_argument("raw_dir", type=Path, help="folder of UTF-8 *.txt articles")
    p.add_argument("--out", type=Path, required=True, help="output folder (tables go to OUT/data)")
    p.add_argument("--num-proc", type=_positive_int, default=1, help="worker processes (default 1)")
    p.add_argument("--max-chars", type=_positive_int, default=1_000_000, help="longest article extracted, in characters (default 1,000,000)")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="where the chunk jobs run: local processes (default) or Ray (pip install 'landstrikes[engine]'; "
                        "RAY_ADDRESS selects a cluster); the tables are the same row for row")
    p.add_argument("--time-budget", type=float, default=30.0, help="seconds one article may take before it becomes a failure (default 30; 0 = none)")
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
