"""Does the repository quote ../shared/dev-news? Every tracked text file is cut into runs of
WORDS words; a run that also occurs in a dev-news text is printed (file, line, and the dev text's
id: never the words themselves). Words are compared case-folded, apostrophes dropped (don’t,
don't and a 'single-quoted' word match), letters and digits of any script; a run may cross
line breaks (a quote wrapped in a docstring), and JSON and TSV files are read too. The dev-news README forbids copying those texts or excerpts
into the repository, its tests or its commit messages; `--commits REV..REV` checks commit
messages too. A run that also occurs in the project's own raw articles (`dataset/raw/`) is the
gold's own words (a phrase such as an interview's name that a dev-news text happens to share),
not a quotation of dev-news, and is left out. Exit 1 when something is found.

    python benchmarks/dev/leakcheck.py [--words 8] [--commits main~20..main]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from sample import DEV_NEWS, dev_texts  # noqa: E402

REPO = HERE.parents[1]
WORD = re.compile(r"[^\W_]+")
APOSTROPHES = str.maketrans("", "", "'‘’ʼ′`")
"""Dropped before words are cut: a quote typed with another apostrophe, or in single quotes, is the same words."""
ALLOWED = {
    "made the land strikes remarks in an interview with fox news sean hannity":
        "the gold's own cluster proposition (dataset/annotations, written about the gold articles for "
        "1.0.0, before dev-news was used); an FNC-1 body shares the common phrase",
}
"""Phrases of the project's own that a dev-news text happens to share, each with the reason: their
runs are left out (a new entry is a reviewed decision, never a way to silence a quotation)."""
SKIP_SUFFIXES = {".parquet", ".png", ".arrow", ".jpg", ".pdf"}
"""Binary files (JSON and TSV are text: a quote in a fixture or a results file is still a quote)."""


ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|x([0-9a-fA-F]{2}))")
"""A character written as an escape in source (`won\\u2019t`): read as the character it names."""


def _unescaped(match: re.Match) -> str:
    char = chr(int(next(g for g in match.groups() if g), 16))
    return " " if char in "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029" else char  # lines keep their numbers


def words_of(text: str) -> list[re.Match]:
    """The words of `text` as matches (their offsets give the line), escapes read as characters,
    apostrophes dropped, case-folded."""
    return list(WORD.finditer(ESCAPE.sub(_unescaped, text).translate(APOSTROPHES).casefold()))


def shingles(text: str, words: int) -> set[tuple[str, ...]]:
    tokens = [m.group() for m in words_of(text)]
    return {tuple(tokens[i:i + words]) for i in range(len(tokens) - words + 1)}


def leaked_lines(text: str, index: dict[tuple[str, ...], str], words: int) -> list[tuple[int, str]]:
    """(line, dev text id) of each line where a run of `words` words found in `index` begins;
    runs cross line breaks (folding keeps every line break, so lines count as in the file)."""
    matches = words_of(text)
    tokens = [m.group() for m in matches]
    found: dict[int, str] = {}
    for i in range(len(tokens) - words + 1):
        text_id = index.get(tuple(tokens[i:i + words]))
        if text_id is not None:
            found.setdefault(matches[i].string.count("\n", 0, matches[i].start()) + 1, text_id)
    return sorted(found.items())


def dev_index(words: int, root: Path, own: Path = REPO / "dataset" / "raw") -> dict[tuple[str, ...], str]:
    """Every run of the dev-news texts, less the runs of the project's own raw articles."""
    ours = set().union(*(shingles(path.read_text(encoding="utf-8"), words) for path in sorted(own.glob("*.txt")))) \
        if own.is_dir() else set()
    ours |= set().union(*(shingles(phrase, words) for phrase in ALLOWED))
    index: dict[tuple[str, ...], str] = {}
    for text_id, text in dev_texts(root).items():
        for run in shingles(text, words) - ours:
            index.setdefault(run, text_id)
    return index


def _tracked_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout.split(b"\0")
    return [REPO / name.decode() for name in listed if name and Path(name.decode()).suffix not in SKIP_SUFFIXES]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=8)
    parser.add_argument("--commits", help="also check the messages of these commits (git rev-list range)")
    parser.add_argument("--dev-news", type=Path, default=DEV_NEWS)
    args = parser.parse_args(argv)
    if not args.dev_news.is_dir():
        print(f"no dev-news folder at {args.dev_news}: nothing to compare", file=sys.stderr)
        return 2
    index = dev_index(args.words, args.dev_news)
    found = 0
    sources = [(str(p.relative_to(REPO)), p.read_text(encoding="utf-8", errors="replace")) for p in _tracked_files() if p.is_file()]
    if args.commits:
        log = subprocess.run(["git", "log", "-z", "--format=%H%n%B", args.commits], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout
        for entry in filter(str.strip, log.split("\x00")):
            sha, _, body = entry.strip().partition("\n")
            sources.append((f"commit {sha[:10]}", body))
    for name, text in sources:
        for number, text_id in leaked_lines(text, index, args.words):
            found += 1
            print(f"{name}:{number}: {args.words} words in a row also in dev-news {text_id}")
    print(f"{found} line(s) share {args.words}-word runs with dev-news" if found else "no dev-news text found in the repository")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
