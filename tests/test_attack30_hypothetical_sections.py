"""attack30: `claim-hypothetical-mismatch` found each hypothetical_content flag's section by
reading its article's whole text again (`as_py()` per flag), searching back to its line's start
and, for a flagged heading, judging every following line until the next heading, per flag. One
article of N flags cost N texts: gold article 002 grown 300-fold took 1.4 s in this check alone
(0.15 s at 100-fold); flags on one heading above 10^4 lines cost (flags x lines) line tests.
Each article's text is now read once and each line judged once (`hypothetical_claims._Lines`; since
valspeed21 on the article's UTF-8 bytes: `_article_bytes` reads them, `_is_heading_line` judges a line).

The tests count what is read and judged (not seconds), and the findings are those of the plain
definition (`_plain_sections`, the code before) on the same corpora."""

from __future__ import annotations

import numpy as np
import pytest

import landstrikes.schema.hypothetical_claims as hypothetical
from attack25_tools import rows_of, write_rows
from attack30_tools import A002, grow_article
from landstrikes.schema import validate
from landstrikes.schema.checkcorpus import article_text

CHECK = "claim-hypothetical-mismatch"
HEADING = "Case Study: A Strike in Town (Hypothetical Reference)"


def _plain_sections(tables, articles, flag_rows, flag_article):
    """The definition before attack30, kept as the reference."""
    if not len(flag_rows):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    flags = tables["quality_flags"]
    starts = hypothetical.frame_ints(flags, "start")[flag_rows]
    segment_ends = hypothetical._segment_ends(tables, flag_article, starts)
    out = np.zeros((len(flag_rows), 2), dtype=np.int64)
    for n, article in enumerate(flag_article):
        text = article_text(tables, int(article))
        start = min(max(int(starts[n]), 0), len(text))
        line_start = text.rfind("\n", 0, start) + 1
        line_end = hypothetical._line_end(text, line_start)
        end = hypothetical._next_heading(text, line_end) if hypothetical._is_heading(text, line_start, line_end) else line_end
        out[n] = line_start, min(end, int(segment_ends[n])) if segment_ends[n] >= 0 else end
    return flag_article.astype(np.int64), out[:, 0], out[:, 1]


def _one_long_section(folder, flags: int, lines: int) -> None:
    """Article 002's text made a title, a flagged heading (`flags` hypothetical_content flags on
    its words) and `lines` bullet lines, with claims on some bullets labelled both ways; the other
    tables' rows of 002 no longer match its text (other checks' findings), this one still judges."""
    text = "Title\n\n" + HEADING + "\n\n" + "".join(f"  • Point {k} was made.\n" for k in range(lines)) + "\nPractical Tips\n\nEnd.\n"
    articles = rows_of(folder, "articles")
    next(a for a in articles if a["article_id"] == A002)["text"] = text
    write_rows(folder, "articles", articles)
    at = text.index(HEADING)
    rows = [r for r in rows_of(folder, "quality_flags") if r["article_id"] != A002]
    template = next(r for r in rows_of(folder, "quality_flags") if r["flag"] == "hypothetical_content")
    for k in range(flags):
        start, end = at + k % 20, at + 21 + k // 20
        rows.append({**template, "flag_id": f"{A002}:f:hypothetical_content:{start}-{end}", "article_id": A002,
                     "start": start, "end": end, "text": text[start:end]})
    write_rows(folder, "quality_flags", rows)
    claims = rows_of(folder, "claims")
    mine = [c for c in claims if c["article_id"] == A002]
    for k, claim in enumerate(mine[:40]):
        line = text.index(f"Point {k * lines // 40} was")
        claim.update(start=line, end=line + 8, consistency="hypothetical" if k % 3 else "uncorroborated")
    write_rows(folder, "claims", claims)


def _texts_read(monkeypatch, folder) -> int:
    """How many article texts the check reads (copies their bytes) on one validate of `folder`."""
    read = []
    plain = hypothetical._article_bytes

    def counted(texts, number):
        value = plain(texts, number)
        read.append(len(value))
        return value

    monkeypatch.setattr(hypothetical, "_article_bytes", counted)
    validate(folder)
    monkeypatch.undo()
    return len(read)


def _findings(folder):
    report = validate(folder)
    assert report.unusable is None
    return [f for f in report.findings if f.check == CHECK]


def test_a_heading_with_many_flags_above_many_lines_judges_each_line_once(dataset_copy, monkeypatch):
    flags, lines = 300, 400
    _one_long_section(dataset_copy, flags, lines)
    judged = []
    plain = hypothetical._is_heading_line

    def counted(raw, start, end):
        judged.append(start)
        return plain(raw, start, end)

    monkeypatch.setattr(hypothetical, "_is_heading_line", counted)
    found = _findings(dataset_copy)
    assert found, "bullets labelled uncorroborated inside the flagged section"
    text_lines = lines + 8
    assert len(judged) <= text_lines + flags, f"{len(judged)} heading tests for {text_lines} lines and {flags} flags"


def test_each_article_text_is_read_once_however_many_flags_it_holds(dataset_copy, monkeypatch):
    grow_article(dataset_copy, 15)
    assert _findings(dataset_copy) == []
    flagged = {f["article_id"] for f in rows_of(dataset_copy, "quality_flags") if f["flag"] == "hypothetical_content"}
    assert _texts_read(monkeypatch, dataset_copy) == len(flagged)


@pytest.mark.parametrize("shape", ["grown", "one long section"])
def test_the_findings_are_those_of_the_plain_definition(dataset_copy, monkeypatch, shape):
    if shape == "grown":
        grow_article(dataset_copy, 15)
        claims = rows_of(dataset_copy, "claims")
        for claim in [c for c in claims if c["article_id"] == A002][::37]:
            claim["consistency"] = "hypothetical" if claim["consistency"] != "hypothetical" else "uncorroborated"
        write_rows(dataset_copy, "claims", claims)
    else:
        _one_long_section(dataset_copy, 60, 80)
    found = _findings(dataset_copy)
    assert _texts_read(monkeypatch, dataset_copy) == 1  # 002, however many flags
    monkeypatch.setattr(hypothetical, "_sections", _plain_sections)
    assert found == _findings(dataset_copy)
    assert found
