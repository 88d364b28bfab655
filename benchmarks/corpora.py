"""The two corpora the extraction benchmarks run on, written into a temporary folder.

- `synthetic`: articles made from the five gold texts (`extract_scaling.synthesise`: paragraphs
  and sentences shuffled, names invented, digits changed), about 6,400 characters each.
- `news`: real news from ../shared/dev-news (BBC News 2004-2005, Greene & Cunningham 2006;
  FNC-1 bodies from Emergent, Ferreira & Vlachos 2016; internal evaluation only: the texts are
  read from the path given, written to a temporary folder and never committed), about 2,200
  characters each. Distinct texts in a fixed order (by the sha256 of their id, as
  `dev/sample.py` orders them); empty texts and byte-identical duplicates are skipped, so every
  file is one extracted article. Past the ~2,575 distinct texts, further articles are the same
  texts with their paragraphs shuffled (seeded), so a 10,000-article run stays real prose.
"""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "dev"))

CORPORA = ("synthetic", "news")
SEED = 20261203


def default_dev_news() -> Path | None:
    """../shared/dev-news beside the checkout, or beside the folder holding it (worktrees)."""
    for parent in HERE.parents:
        candidate = parent / "shared" / "dev-news"
        if candidate.is_dir():
            return candidate
    return None


def news_texts(dev_news: Path) -> list[str]:
    """Distinct non-empty dev-news texts in the fixed order."""
    from sample import dev_texts

    texts = dev_texts(dev_news)
    out, seen = [], set()
    for text_id in sorted(texts, key=lambda i: hashlib.sha256(i.encode()).hexdigest()):
        text = texts[text_id]
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if text.strip() and digest not in seen:
            seen.add(digest)
            out.append(text)
    return out


def _variant(text: str, round_: int) -> str:
    """The same paragraphs in another (seeded) order: a distinct text of the same prose."""
    paragraphs = text.split("\n\n")
    head, body = paragraphs[:1], paragraphs[1:]
    random.Random(f"{SEED}:{round_}:{len(text)}").shuffle(body)
    variant = "\n\n".join(head + body)
    return variant if variant != text else text + "\n" * round_


def write_news(folder: Path, n: int, dev_news: Path) -> int:
    texts = news_texts(dev_news)
    folder.mkdir(parents=True, exist_ok=True)
    total, seen = 0, set()
    for i in range(n):
        round_, text = divmod(i, len(texts))[0], texts[i % len(texts)]
        if round_:
            text = _variant(text, round_)
            while text in seen:
                text += "\n"
        seen.add(text)
        (folder / f"news_{i:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text)
    return total


def write_corpus(kind: str, folder: Path, n: int, dev_news: Path | None = None) -> int:
    """Write n articles of the corpus into folder; returns their total characters."""
    if kind == "synthetic":
        import extract_scaling

        return extract_scaling.write_corpus(folder, n)
    if dev_news is None or not dev_news.is_dir():
        raise SystemExit(f"the news corpus needs --dev-news PATH (../shared/dev-news); got {dev_news}")
    return write_news(folder, n, dev_news)
