"""Does a speed change change what `landstrikes extract` writes? Old and new output, row for row.

    python benchmarks/extract_equal.py --rev 6edb727 [--dev-news ../shared/dev-news] [--others 300]

Runs REV's code (PYTHONPATH, as build_cpu.py lays it out) and this checkout's on three corpora:
the five gold raw texts (dataset/raw), the 40 dev texts of benchmarks/dev/sample.tsv, and a
fixed sample of further dev-news texts (every k-th distinct text, `--others` of them; not the
dev or held-out texts). For each, every table is read back whole and compared row for row
(rows in id order, every column), with extract_errors.csv and extract_duplicates.csv. Prints
the first difference per table and exits 1 if anything differs. The dev-news texts are written
to a temporary folder only (internal evaluation; never committed).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from build_cpu import package_at  # noqa: E402
from corpora import default_dev_news, news_texts  # noqa: E402


def _ids(tsv: Path) -> list[str]:
    return [line.split("\t")[0] for line in tsv.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_corpora(tmp: Path, dev_news: Path, others: int) -> dict[str, Path]:
    """gold, dev (sample.tsv) and others (a fixed spread of the remaining distinct texts)."""
    sys.path.insert(0, str(HERE / "dev"))
    from sample import dev_texts

    corpora = {"gold": REPO / "dataset" / "raw"}
    texts = dev_texts(dev_news)
    dev = tmp / "dev"
    dev.mkdir()
    for text_id in _ids(HERE / "dev" / "sample.tsv"):
        (dev / (text_id.replace("/", "_") + ".txt")).write_text(texts[text_id], encoding="utf-8")
    corpora["dev"] = dev
    excluded = {hashlib.sha256(texts[i].encode()).hexdigest() for i in _ids(HERE / "dev" / "sample.tsv") + _ids(HERE / "dev" / "heldout.tsv")}
    rest = [t for t in news_texts(dev_news) if hashlib.sha256(t.encode()).hexdigest() not in excluded]
    step = max(1, len(rest) // others)
    folder = tmp / "others"
    folder.mkdir()
    for i, text in enumerate(rest[::step][:others]):
        (folder / f"other_{i:04d}.txt").write_text(text, encoding="utf-8")
    corpora["others"] = folder
    return corpora


def extract(raw: Path, out: Path, env: dict, num_proc: int) -> int:
    done = subprocess.run([sys.executable, "-m", "landstrikes", "extract", str(raw), "--out", str(out), "--num-proc", str(num_proc)],
                          env=env, capture_output=True, text=True)
    return done.returncode


def table_rows(out: Path) -> dict[str, list]:
    import pyarrow.parquet as pq

    from landstrikes.schema.registry import TABLES

    tables = {}
    for spec in TABLES:
        files = sorted((out / "data" / spec.name).glob("*.parquet"))
        rows = [r for f in files for r in pq.read_table(f).to_pylist()]
        tables[spec.name] = sorted(rows, key=lambda r: str(r.get(spec.id_column)))
    for name in ("extract_errors.csv", "extract_duplicates.csv"):
        tables[name] = (out / name).read_text(encoding="utf-8").splitlines()
    return tables


def compare(old: dict[str, list], new: dict[str, list]) -> list[str]:
    problems = []
    for name in old:
        a, b = old[name], new.get(name, [])
        if a == b:
            continue
        first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        problems.append(f"{name}: {len(a)} vs {len(b)} rows; first difference at row {first}: "
                        f"{str(a[first] if first < len(a) else None)[:300]} != {str(b[first] if first < len(b) else None)[:300]}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rev", required=True, help="the code to compare with (a git revision)")
    parser.add_argument("--dev-news", type=Path, default=default_dev_news())
    parser.add_argument("--others", type=int, default=300)
    parser.add_argument("--num-proc", type=int, default=2, help="workers of the new code's run (the old runs with 1)")
    args = parser.parse_args(argv)
    if args.dev_news is None or not args.dev_news.is_dir():
        raise SystemExit("needs --dev-news PATH (../shared/dev-news)")
    failed = False
    with tempfile.TemporaryDirectory(prefix="extract-equal-") as tmp:
        tmp = Path(tmp)
        env_new = {**os.environ, "HF_HUB_OFFLINE": "1"}
        env_old = {**env_new, "PYTHONPATH": str(package_at(args.rev, tmp / "rev"))}
        for name, raw in write_corpora(tmp, args.dev_news, args.others).items():
            outs = {}
            for label, env, procs in (("old", env_old, 1), ("new", env_new, args.num_proc)):
                outs[label] = tmp / f"out-{name}-{label}"
                code = extract(raw, outs[label], env, procs)
                if code not in (0, 3):
                    print(f"{name}: {label} extract exited {code}")
                    failed = True
            if failed:
                continue
            old, new = table_rows(outs["old"]), table_rows(outs["new"])
            problems = compare(old, new)
            n = len(list(raw.glob("*.txt")))
            counts = ", ".join(f"{t} {len(rows)}" for t, rows in new.items() if rows and not t.endswith(".csv"))
            print(f"{name:7} {n:4} texts: {'IDENTICAL' if not problems else 'DIFFERENT'} ({counts})")
            for problem in problems:
                print("   ", problem)
            failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
