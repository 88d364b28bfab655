"""attack55: `extract`'s output validates whatever line breaks a text uses. SG1 lets a segment start
after any of Unicode's mandatory line breaks (LF, CR alone, VT, FF, NEL, U+2028, U+2029) and SG2
(2.38) makes a headline or section heading one line (`heading-spans-lines`); the segmenter split
lines at line feeds only, so a text whose lines end in a CR alone or U+2028 was one headline
segment spanning every line, and `landstrikes validate` refused the extractor's own output."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from landstrikes.cli import main
from landstrikes.schema import validate

LINES = [
    "Trump Signals Land Strikes on Cartels",
    "By Anna Berg",
    'President Donald Trump said on Thursday that the United States will "start now hitting land" against cartels.',
    "Mexican Government Responds",
    "Mexican President Claudia Sheinbaum said the country would not accept any intervention on its soil.",
    "Related: Trump Threatens Mexico",
]
BREAKS = {"cr": "\r", "crlf": "\r\n", "vt": "\x0b", "ff": "\x0c", "nel": "\x85", "line_separator": "\u2028",
          "paragraph_separator": "\u2029", "cr_blank_lines": "\r\r", "mixed": None}
MANDATORY = "\n\x0b\x0c\r\x85\u2028\u2029"


def _text(name: str, brk: str | None) -> str:
    if brk is None:  # every break once, in turn
        seps = ["\n", "\r", "\u2028", "\x0c", "\x85"]
        return "".join(line + seps[i % len(seps)] for i, line in enumerate(LINES))
    return brk.join(LINES) + brk


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    for name, brk in BREAKS.items():
        (raw / f"{name}.txt").write_bytes(_text(name, brk).encode("utf-8"))
    out = tmp_path_factory.mktemp("x") / "out"
    assert main(["extract", str(raw), "--out", str(out)]) == 0
    return out


def test_the_extractors_output_validates_for_every_line_break(extracted):
    report = validate(extracted)
    assert report.ok, sorted({(f.check, f.row) for f in report.findings})


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_a_headline_or_section_heading_segment_is_one_line(extracted, name):
    segments = [r for r in pq.read_table(extracted / "data" / "segments").to_pylist() if r["article_id"] == name]
    headings = [r for r in segments if r["kind"] in ("headline", "section_heading")]
    assert [r["text"].strip() for r in headings if r["kind"] == "headline"] == [LINES[0]]
    for row in headings:
        words = row["text"].rstrip(MANDATORY + " \t")
        assert not any(ch in MANDATORY for ch in words), (row["kind"], row["text"])
    assert [r["start"] for r in segments][0] == 0 and len(segments) >= 3  # the lines are blocks of their own
