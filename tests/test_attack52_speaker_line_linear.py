"""attack52: speaker-off-cue-line copied the text between each quote's speaker words and its cue
to look for a line feed in it, so one article of n characters holding n quotes whose speaker
words stand at its start and their cue at its end cost n^2 bytes: a 280,000-character line with
20,000 such quotes took 42 s and 5.7 GB of memory, twice the input four times the cost. The line
feeds are now found once and counted between each row's two positions."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import pyarrow as pa
from landstrikes.schema.checkcorpus import Corpus
from landstrikes.schema.span_lines import check_speaker_cue_lines
from landstrikes.schema.report import Report
n, repeats, feed = {n}, {repeats}, {feed}
text = "Word one two. " * repeats + ("\\n" if feed else "") + "Ann said so."
cue = text.index("said")
quotes = pa.table({{"quote_id": [f"a:q:{{i}}" for i in range(n)], "article_id": ["a"] * n,
                   "speaker_start": pa.array([0] * n, pa.int64()), "speaker_end": pa.array([4] * n, pa.int64()),
                   "cue_start": pa.array([cue] * n, pa.int64()), "cue_end": pa.array([cue + 4] * n, pa.int64()),
                   "source": ["gold"] * n}})
corpus = Corpus.from_arrow({{"articles": pa.table({{"article_id": ["a"], "text": [text]}}), "quotes": quotes}})
before = pa.default_memory_pool().max_memory()
report = Report("generated")
check_speaker_cue_lines(corpus, report)
print(len(report.findings), pa.default_memory_pool().max_memory() - before)
"""


def _run(n: int, repeats: int, feed: bool) -> tuple[int, int]:
    out = subprocess.run([sys.executable, "-c", SCRIPT.format(n=n, repeats=repeats, feed=feed)],
                         capture_output=True, text=True, check=True)
    findings, peak = out.stdout.split()
    return int(findings), int(peak)


def test_no_row_copies_the_text_between_its_speaker_and_cue():
    """2,000 rows over a 140 KB line: each row's copy of the text between was 280 MB of Arrow memory."""
    findings, peak = _run(2_000, 10_000, feed=False)
    assert findings == 0
    assert peak < 40_000_000, peak


def test_every_row_with_a_line_feed_between_is_still_found():
    assert _run(2_000, 10_000, feed=True)[0] == 2_000
