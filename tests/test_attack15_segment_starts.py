"""attack15: SG1 says the whitespace between two blocks belongs to the preceding segment. Two
neighbouring segments re-cut so that the blank lines after the headline open the body (offsets,
texts and ids consistent, the article still tiled) validated. `segment-starts-with-line-feed`.
The extractor never starts a segment with a line feed (seeded fuzz below), so its output is
not judged differently."""

from __future__ import annotations

import random

from conftest import load, save
from landstrikes.extract.segments import segment_spans
from landstrikes.schema.validate import validate


def _recut(folder, moved: int):
    """Move the last `moved` characters of the first segment into the second one."""
    articles = load(folder, "articles")
    text = dict(zip(articles.article_id, articles.text))
    segments = load(folder, "segments").sort_values(["article_id", "start"]).reset_index(drop=True)
    first, second = segments.iloc[0], segments.iloc[1]
    assert first.article_id == second.article_id and first.text.endswith("\n" * moved)
    cut = int(first.end) - moved
    body = text[first.article_id]
    segments.loc[0, ["end", "text", "segment_id"]] = [cut, body[first.start:cut], f"{first.article_id}:g:{first.start}-{cut}"]
    segments.loc[1, ["start", "text", "segment_id"]] = [cut, body[cut:second.end], f"{second.article_id}:g:{cut}-{second.end}"]
    save(folder, "segments", segments)
    return validate(folder), segments.loc[1, "segment_id"]


def test_blank_lines_moved_to_the_next_segment_are_a_finding(dataset_copy):
    report, moved_id = _recut(dataset_copy, 2)
    assert {f.check for f in report.findings} == {"segment-starts-with-line-feed"}, report.to_text()
    assert moved_id in report.to_text() and "(SG1)" in report.to_text()


def test_one_line_feed_moved_is_a_finding(dataset_copy):
    report, _ = _recut(dataset_copy, 1)
    assert {f.check for f in report.findings} == {"segment-starts-with-line-feed"}, report.to_text()


def test_the_extractor_never_opens_a_segment_with_a_line_feed():
    pieces = ["Title", "Body text here.", "  • item", "\n", "\r\n", "\n\n", " \n", "\u2028", "\u2029", "\x0c", "\x85",
              "\t", "   ", "Related to this topic", "Share this", "1. x", "\v", "\r", "\n\r", "Advertisement", "|a|b|", "## H"]
    rnd = random.Random(15)
    for _ in range(3000):
        text = rnd.choice(["Headline\n\n", "", "\n", " "]) + "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40)))
        assert not [s for s, _, _ in segment_spans(text) if s > 0 and text[s] == "\n"], repr(text)
