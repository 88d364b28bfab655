"""validate on broken corpora: what a whole-corpus corruption costs against the sound corpus.

    python benchmarks/validate_broken.py                        # 10^5 quote rows, every corruption
    python benchmarks/validate_broken.py --copies 97 mentions-empty quotes-shift

Users validate broken producer output more often than sound tables, and a check that is cheap on
sound tables may take a slow path on every row of a broken one (session 29: M2's plain re-check of
every alias of every article made a corpus missing one entity's mentions 45x slower than the
sound one). Each corruption below rewrites one table of a synthetic copy of the gold
(benchmarks/synthesize.py, quotes series) and runs `landstrikes validate` on it in a child
process; printed: exit code, wall, user and system CPU, peak RSS, findings, and the ratio of
CPU to the sound corpus's in the same run. Results go to benchmarks/results/validate_broken.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synthesize import QUOTE_TABLES, replicate  # noqa: E402

REPO = HERE.parent
LANDSTRIKES = Path(sys.executable).with_name("landstrikes")


def _set(table: pa.Table, name: str, values) -> pa.Table:
    return table.set_column(table.schema.get_field_index(name), name, values)


def _shifted(table: pa.Table) -> pa.Table:
    one = lambda c: pc.add(table[c], pa.scalar(1, table.schema.field(c).type))  # noqa: E731
    return _set(_set(table, "start", one("start")), "end", one("end"))


def _null(name: str):
    return lambda t: _set(t, name, pa.nulls(t.num_rows, t.schema.field(name).type))


def _rotated(name: str, by: int):
    return lambda t: _set(t, name, pa.concat_arrays([t[name].combine_chunks()[by:], t[name].combine_chunks()[:by]]))


def _all(name: str, value: str):
    return lambda t: _set(t, name, pa.array([value] * t.num_rows, t.schema.field(name).type))


CORRUPTIONS = {
    **{f"{table}-shift": (table, _shifted) for table in ("mentions", "quotes", "claims")},
    **{f"{table}-empty": (table, lambda t: t.slice(0, 0)) for table in ("mentions", "segments")},
    **{f"{table}-{column.replace('_id', '').replace('_', '-')}-null": (table, _null(column)) for table, column in (
        ("mentions", "start"), ("mentions", "entity_id"), ("quotes", "speaker_id"), ("quotes", "speaker_start"),
        ("quotes", "cluster_id"), ("claims", "cluster_id"))},
    "mentions-article-rotated": ("mentions", _rotated("article_id", 7)),
    "quotes-ids-rotated": ("quotes", _rotated("quote_id", 1)),
    "mentions-all-pronouns": ("mentions", _all("kind", "PRONOUN")),
    "quotes-all-direct": ("quotes", _all("kind", "direct")),
    "articles-text-lower": ("articles", lambda t: _set(t, "text", pc.utf8_lower(t["text"]))),
}
"""Name -> (table, what is done to it): one whole-table corruption each."""


def _corrupt(sound: Path, target: Path, table: str, change) -> None:
    shutil.copytree(sound, target)
    path = next((target / "data" / table).glob("*.parquet"))
    original = pq.read_table(path)
    changed = change(original)
    nullable = pa.schema([f.with_nullable(True) for f in changed.schema], metadata=original.schema.metadata)
    pq.write_table(changed.cast(nullable), path)


def _validate(folder: Path) -> dict:
    begin = time.perf_counter()
    run = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", str(LANDSTRIKES), "validate", str(folder)],
                         capture_output=True, text=True)
    wall = time.perf_counter() - begin
    user, system, peak = run.stderr.strip().splitlines()[-1].split()
    verdict = [line for line in run.stdout.splitlines() if line.startswith(("VALID", "INVALID"))]
    return {"exit": run.returncode, "wall": round(wall, 2), "user": float(user), "sys": float(system),
            "peak_rss_mb": int(peak) // 1024, "verdict": verdict[-1] if verdict else run.stderr.strip()[-200:]}


def _at_least_one(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text}: at least one replica")
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help=f"corruptions (default: all): {', '.join(CORRUPTIONS)}")
    parser.add_argument("--copies", type=_at_least_one, default=971, help="replicas of the gold (971: ~10^5 quote rows)")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    args = parser.parse_args()
    names = args.names or list(CORRUPTIONS)
    unknown = sorted(set(names) - set(CORRUPTIONS))
    if unknown:
        parser.error(f"unknown corruption(s) {', '.join(unknown)}; known: {', '.join(CORRUPTIONS)}")
    work = Path(tempfile.mkdtemp(prefix="validate_broken-", dir=args.work))
    try:
        sound = work / "sound"
        print(f"writing {args.copies} replicas of the gold ...", file=sys.stderr, flush=True)
        replicate(REPO / "dataset", sound, args.copies, QUOTE_TABLES)
        base = _validate(sound)
        results = {"copies": args.copies, "sound": base, "corruptions": {}}
        print(f"{'corpus':26s} exit  wall s  user s  sys s  peak MB  CPU/sound  verdict")
        print(f"{'sound':26s} {base['exit']:4d} {base['wall']:7.1f} {base['user']:7.1f} {base['sys']:6.1f} {base['peak_rss_mb']:8d} {1.0:9.1f}x  {base['verdict'][:60]}", flush=True)
        for number, name in enumerate(names, 1):
            table, change = CORRUPTIONS[name]
            target = work / name
            _corrupt(sound, target, table, change)
            result = _validate(target)
            ratio = (result["user"] + result["sys"]) / max(base["user"] + base["sys"], 1e-9)
            results["corruptions"][name] = {**result, "cpu_ratio": round(ratio, 2)}
            print(f"{name:26s} {result['exit']:4d} {result['wall']:7.1f} {result['user']:7.1f} {result['sys']:6.1f} "
                  f"{result['peak_rss_mb']:8d} {ratio:9.1f}x  {result['verdict'][:60]}   [{number}/{len(names)}]", flush=True)
            shutil.rmtree(target)
        out = HERE / "results" / "validate_broken.json"
        out.write_text(json.dumps(results, indent=1) + "\n")
        print(f"written {out.relative_to(REPO)}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
