"""attack15: SG1 says the whitespace between two blocks belongs to the preceding segment. Two
neighbouring segments re-cut so that the blank lines after the headline open the body (offsets,
texts and ids consistent, the article still tiled) validated. `segment-starts-with-line-feed`.
The extractor never starts a segment with a line feed (seeded fuzz below), so its output is
not judged differently."""

from __future__ import annotations

import random
import re

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


def test_a_no_break_space_and_blank_lines_moved_to_the_next_segment_are_a_finding(dataset_copy):
    """The blank run between two blocks may open with other whitespace (`\\xa0\\n\\n` in 003): the
    next segment opening with it is the same breach; the first form of the check read a line feed
    as the first character only (review15)."""
    articles = load(dataset_copy, "articles")
    text = dict(zip(articles.article_id, articles.text))
    segments = load(dataset_copy, "segments").sort_values(["article_id", "start"]).reset_index(drop=True)
    at = next(i for i in range(len(segments) - 1) if segments.text[i].endswith("\xa0\n\n")
              and segments.article_id[i] == segments.article_id[i + 1])
    first, second = segments.iloc[at], segments.iloc[at + 1]
    cut, body = int(first.end) - 3, text[first.article_id]
    segments.loc[at, ["end", "text", "segment_id"]] = [cut, body[first.start:cut], f"{first.article_id}:g:{first.start}-{cut}"]
    segments.loc[at + 1, ["start", "text", "segment_id"]] = [cut, body[cut:second.end], f"{second.article_id}:g:{cut}-{second.end}"]
    save(dataset_copy, "segments", segments)
    report = validate(dataset_copy)
    assert {f.check for f in report.findings} == {"segment-starts-with-line-feed"}, report.to_text()
    assert segments.segment_id[at + 1] in report.to_text()


def test_the_extractor_never_opens_a_segment_with_a_line_feed():
    """Nor with blanks before a line feed (any whitespace Python knows, which the check reads)."""
    pieces = ["Title", "Body text here.", "  • item", "\n", "\r\n", "\n\n", " \n", "\u2028", "\u2029", "\x0c", "\x85",
              "\t", "   ", "Related to this topic", "Share this", "1. x", "\v", "\r", "\n\r", "Advertisement", "|a|b|", "## H",
              "\xa0", "\u3000", "\x1f"]
    rnd = random.Random(15)
    for _ in range(3000):
        text = rnd.choice(["Headline\n\n", "", "\n", " "]) + "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40)))
        assert not [s for s, _, _ in segment_spans(text) if s > 0 and re.match(r"[^\S\n]*\n", text[s:])], repr(text)
