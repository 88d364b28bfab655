"""What `span-breaks-quote-pair`'s article reading costs on a hostile table: rows x marks.

    python benchmarks/quote_pairs_cost.py            # rows 1,500 .. 12,000 over 50,000 .. 400,000 marks

Every row holds almost every mark of one article of straight-quoted words and breaks two pairs
(review21: the first form walked every mark a breaking row held, 8,000 rows over 200,000 marks
took 23 s of a 59 s validate). Prints the CPU seconds of `article_pairs_broken` per size and the
ratio to the smallest, so growth in rows or in marks shows as a ratio, not a timed unit test.
"""

from __future__ import annotations

import argparse
import resource

import pandas as pd
import pyarrow as pa

from landstrikes.schema.quote_pairs import article_pairs_broken


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure(rows: int, words: int) -> float:
    text = '"a" ' * words
    spans = [(1, len(text) - 1 - i % 1000) for i in range(rows)]
    claims = pd.DataFrame({"claim_id": [f"a:c:{s}-{e}" for s, e in spans], "article_id": ["a"] * rows,
                           "start": [s for s, _ in spans], "end": [e for _, e in spans], "text": [text[s:e] for s, e in spans]})
    tables = {"articles": pd.DataFrame({"article_id": ["a"], "text": [text]}), "claims": claims}
    table = pa.Table.from_pandas(claims, preserve_index=False)
    begin = cpu()
    broken = article_pairs_broken(tables, "claims", table, ("start", "end", "text"))
    spent = cpu() - begin
    assert len(broken) == rows
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1500, 3000, 6000, 12000])
    parser.add_argument("--words", type=int, nargs="+", default=[25_000, 100_000, 200_000])
    args = parser.parse_args(argv)
    base = None
    print(f"{'rows':>7} {'marks':>8} {'CPU-s':>7} {'ratio':>6}")
    for words in args.words:
        for rows in args.rows:
            spent = measure(rows, words)
            base = base or spent
            print(f"{rows:>7} {2 * words:>8} {spent:>7.3f} {spent / base:>6.1f}x", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
