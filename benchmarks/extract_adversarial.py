"""What one article costs `extract` per character, for token patterns an adversary repeats.

Each pattern (a few words, repeated to 10 K / 100 K / 1 M characters) is extracted in this
process (`extract_records`, the extract command's per-article work) and timed in process CPU
time; a text the extractor refuses (`TooComplex`: more rows than an article may have) counts
until its refusal, as the command's failure row does. The baseline is news-like text: the five
gold raw texts (dataset/raw) repeated. The table gives microseconds per character, the ratio
to news at the same size and the growth from one size to the next (x10 size: 10 is linear; below
10 where a text is refused at a row cap). News itself is refused at 1 M characters (more than
10,000 mention rows), so its 1 M figure is the cost of that refusal.

    python benchmarks/extract_adversarial.py [--sizes 10000 100000 1000000] [--only said,news]
        [--budget 120] [--out benchmarks/results/extract_adversarial.json]

No text here is a real article but the gold's own; the patterns are invented.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _news() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "dataset" / "raw").glob("*.txt")))


PATTERNS: dict[str, str] = {
    "news": "",  # the gold texts, repeated
    "said": "said ",
    "he said": "He said ",
    "said that": "said that ",
    "name said": "John Smith said ",
    "said the plan": "Smith said the plan would fail, ",
    "cue mix": "said told added warned claimed according to ",
    "according to": "according to ",
    "sentences with a cue": "Officials said the boats were seized. ",
    "quote then cue": "\u201cNo,\u201d he said. ",
    "straight quotes": '"a" ',
    "open curly": "\u201c",
    "close curly": "\u201d",
    "apostrophes": "' ",
    "single curly": "\u2018a\u2019 ",
    "nested curly": "\u201c\u2018",
    "names": "John Smith ",
    "titled names": "Mr Smith ",
    "repeated title": "President ",
    "the minister said": "the minister said ",
    "dashes": "\u2014 ",
    "hyphens": "- ",
    "parentheses": "(",
    "bracketed words": "(a) ",
    "no full stop": "the boats were seized near the coast, ",
    "numbers": "35 boats, ",
    "hedged numbers": "at least 35 boats, ",
    "percentages": "12% ",
    "colons": "Smith: ",
    "newline cue": "said\n",
    "capitals": "A ",
    "pronouns": "he ",
    "cue sentences": "said. ",
    "paragraphs": "a\n\n",
    "heading lines": "A Title\n",
    "number sentences": "35 boats. ",
    "verb after comma": "the boats sank, he said ",
    "told objects": "told reporters the boats sank ",
    "pronoun quotes": "\u201cYes,\u201d she said. He said ",
    # extract65's entity rules, each on its own trigger
    "storms": "Storm Hester ",
    "tropical storms": "Tropical Storm Orla hit. Orla ",
    "dated datelines": "PORT ELLERBY, March 3 (Wire) - a\n",
    "family nouns": "the Varley brothers ",
    "office nouns": "the Obrenko administration ",
    "particles": "Mr de Varno ",
    "particle runs": "the de ",
    "city of": "City of Kesby ",
    "body before a title": "City of Kesby Police Chief Ann Lee ",
    "quoted headlines": "\"Will This Ferry Sail Again Before Ann Lee Retires?\" ",
    "headline openers": "\u201cWill This Ferry Sail ",
    "single-quoted headlines": "'Quits The Council To Run For Mayor Of Tarnvale' ",
    # extract71's rules, each on its own trigger
    "quoted titles": "on \u201cMornings with the Harbour Crew\u201d ",
    "title openers": "the \u201cTales of the ",
    "straight title runs": 'titled "A Letter to the Valley of the Kings and the ',
    "page labels": "MORE: a\n",
    "label words": "MORE ",
    "place nouns": "the Qarvan province ",
    "region nouns": "Lower Qarvan region ",
    "creed words": "Islamic ",
    "body heads": "Kesbian Observatory for Civil Liberties ",
    "dated dateline reports": "KESTON, March 3 (Wire) - the plan will fail, he said.\n",
}


def _text(pattern: str, size: int, news: str) -> str:
    unit = news if not pattern else pattern
    return (unit * (size // len(unit) + 1))[:size]


def measure(name: str, size: int, budget: float) -> dict:
    from landstrikes.extract.article import extract_records
    from landstrikes.extract.budget import BudgetExceeded, time_budget
    from landstrikes.extract.limits import TooComplex

    text = _text(PATTERNS[name], size, _news() if name == "news" else "")
    gc.collect()
    outcome = "done"
    start = time.process_time()
    try:
        with time_budget(budget):
            rows = extract_records("a000", text)
        outcome = "done: " + ", ".join(f"{len(rows[t])} {t}" for t in ("mentions", "quotes", "claims") if rows[t])
    except TooComplex as exc:
        outcome = f"refused: {exc}"
    except BudgetExceeded:
        outcome = f"over the {budget:g} s budget"
    seconds = time.process_time() - start
    return {"pattern": name, "chars": size, "cpu_s": round(seconds, 4), "us_per_char": round(1e6 * seconds / size, 3), "outcome": outcome}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--only", default="", help="comma-separated pattern names (default: all)")
    parser.add_argument("--budget", type=float, default=120.0, help="wall seconds one text may take (the extract command's --time-budget)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    names = [n for n in args.only.split(",") if n] or list(PATTERNS)
    if "news" not in names:
        names.insert(0, "news")
    from landstrikes.extract.article import extract_records

    extract_records("a000", _news())  # word lists and caches loaded before timing
    results = []
    for name in names:
        for size in args.sizes:
            r = measure(name, size, args.budget)
            results.append(r)
            print(json.dumps(r), flush=True)
    news = {r["chars"]: r["us_per_char"] for r in results if r["pattern"] == "news"}
    sizes = " ".join(f"{s:>9,}" for s in args.sizes)
    print(f"\n{'pattern':22} us/char at {sizes} | x news at each size | growth per x10 | outcome at the largest")
    for name in names:
        rows = [r for r in results if r["pattern"] == name]
        cells = " ".join(f"{r['us_per_char']:>9.2f}" for r in rows)
        ratios = " ".join(f"{r['us_per_char'] / news[r['chars']]:5.1f}" for r in rows)
        growth = " ".join(f"{b['cpu_s'] / a['cpu_s']:4.1f}" if a["cpu_s"] else "   -" for a, b in zip(rows, rows[1:]))
        print(f"{name:22} {cells} | {ratios} | {growth} | {rows[-1]['outcome'][:70]}")
    if args.out:
        args.out.write_text(json.dumps({"sizes": args.sizes, "results": results}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
