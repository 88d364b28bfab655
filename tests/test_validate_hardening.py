"""Validate survives odd paths and file names, a very large article, and agrees with the plain
definition of a span (`text == article[start:end]`) on generated texts."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from conftest import REPO, load, save
from landstrikes.cli import main
from landstrikes.quotemarks import DOUBLE_CLOSE, DOUBLE_OPEN, SINGLE_CLOSERS, SINGLE_OPEN, STRAIGHT_DOUBLE, scan_quote_marks
from landstrikes.schema import validate
from landstrikes.schema.crosschecks import _report_uncovered_aliases, check_alias_coverage, check_spans
from landstrikes.schema.report import Report

sys.path.insert(0, str(REPO / "benchmarks"))
from synthesize import large_article  # noqa: E402

ODD_NAME = "odd dir ü 漢字 🜁 'single' \"double\" #hash %20 [brackets] (parens) {braces} ; & $HOME"


def checks_failing(folder) -> set[str]:
    return {f.check for f in validate(folder).findings}


# --- odd paths and file names -------------------------------------------------------------


def test_copy_under_a_folder_with_odd_characters_is_valid(dataset_copy, tmp_path, capsys):
    odd = tmp_path / ODD_NAME / "release 1.0.0 (final)"
    shutil.copytree(dataset_copy, odd)
    assert validate(odd).ok
    report = tmp_path / ODD_NAME / "report #1 %.json"
    assert main(["validate", str(odd), "--json", str(report)]) == 0
    assert '"valid": true' in report.read_text(encoding="utf-8")
    assert "VALID" in capsys.readouterr().out


def test_table_file_with_odd_name_is_read_like_any_part(dataset_copy):
    """A table folder may hold its Parquet part under any name (HF writes train-00000-of-00001)."""
    folder = dataset_copy / "data" / "quotes"
    next(folder.glob("*.parquet")).rename(folder / f"{ODD_NAME}.parquet")
    assert validate(dataset_copy).ok


def test_stray_files_beside_a_table_are_ignored(dataset_copy):
    """Only visible *.parquet files are table parts: notes, checksums and macOS '._' files are not."""
    folder = dataset_copy / "data" / "claims"
    (folder / "README ü #1.txt").write_text("notes")
    (folder / "._claims.parquet").write_bytes(b"\x00\x05\x16\x07 AppleDouble junk")
    (folder / "nested.parquet").mkdir()
    assert validate(dataset_copy).ok


def test_second_copy_of_a_table_under_another_name_gives_duplicate_ids(dataset_copy):
    """Every *.parquet in a table folder is a part of the table, so a stray copy doubles its rows."""
    folder = dataset_copy / "data" / "stances"
    original = next(folder.glob("*.parquet"))
    shutil.copy(original, folder / "stances (copy) [1].parquet")
    report = validate(dataset_copy)
    assert report.exit_code == 1
    assert "duplicate-id" in {f.check for f in report.findings_for("stances")}


def test_foreign_parquet_part_in_a_table_folder_is_unusable_input(dataset_copy, capsys):
    """A part with another table's columns cannot be joined to the table: exit 2, one clear line."""
    folder = dataset_copy / "data" / "segments"
    shutil.copy(next((dataset_copy / "data" / "entities").glob("*.parquet")), folder / "zz #odd% part.parquet")
    assert main(["validate", str(dataset_copy)]) == 2
    out = capsys.readouterr().out
    assert "UNUSABLE" in out and "files have different schemas" in out and "Traceback" not in out


def test_garbage_file_with_odd_name_is_named_in_the_error(dataset_copy, capsys):
    folder = dataset_copy / "data" / "mentions"
    (folder / f"{ODD_NAME}.parquet").write_bytes(b"PAR1 not really")
    assert main(["validate", str(dataset_copy)]) == 2
    out = capsys.readouterr().out
    assert ODD_NAME in out and "not a readable Parquet file" in out


# --- a very large article -------------------------------------------------------------------


@pytest.fixture(scope="module")
def large_copy(built_dataset, tmp_path_factory) -> Path:
    """The corpus with article 0 grown to ~30 M code points of astral/combining/CRLF filler."""
    target = tmp_path_factory.mktemp("large")
    info = large_article(built_dataset, target, chars=30_000_000)
    assert info["article_chars"] > 29_000_000 and info["article_utf8_bytes"] > 40_000_000
    return target


def test_large_article_with_astral_characters_is_valid(large_copy):
    """Spans sit after 30 M code points incl. astral characters: byte or UTF-16 offsets would fail."""
    report = validate(large_copy)
    assert report.ok, report.to_text()
    quotes, articles = load(large_copy, "quotes"), load(large_copy, "articles")
    big = articles["text"].iloc[0]
    last = quotes[quotes["article_id"] == articles["article_id"].iloc[0]].iloc[-1]
    assert last["start"] > 29_000_000 and big[last["start"] : last["end"]] == last["text"]
    assert big.encode("utf-8")[last["start"] : last["end"]].decode("utf-8", "replace") != last["text"]


def test_large_article_span_text_mismatch_is_reported(large_copy, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(large_copy / "data", broken / "data")
    quotes, articles = load(broken, "quotes"), load(broken, "articles")
    row = quotes.index[quotes["article_id"] == articles["article_id"].iloc[0]][-1]
    quotes.loc[row, "text"] = quotes.loc[row, "text"][:-1] + "X"
    save(broken, "quotes", quotes)
    report = validate(broken)
    found = [f for f in report.findings if f.check == "span-text-mismatch"]
    assert [(f.table, f.row_id, f.column) for f in found] == [("quotes", quotes.loc[row, "quote_id"], "text")]
    assert found[0].value.endswith("X") and report.exit_code == 1


# --- span checks vs the plain definition (hypothesis) ----------------------------------------

ALPHABET = st.sampled_from(list("ab Z.\n\r\t’“”\"'") + ["é", "e\u0301", "\u0301", "🜁", "😀", "\U00010348", "\r\n", "漢"])
ARTICLE = st.lists(ALPHABET, min_size=0, max_size=40).map("".join)


def span_tables(article: str, spans: list[tuple[int, int, str]]) -> dict[str, pd.DataFrame]:
    """The two tables check_spans needs, with the dtypes `read_table` gives."""
    articles = pd.DataFrame({"article_id": ["a"], "text": [article]}).astype("str")
    segments = pd.DataFrame(
        {
            "segment_id": [f"g{i}" for i in range(len(spans))],
            "article_id": ["a"] * len(spans),
            "start": pd.array([s for s, _, _ in spans], dtype="Int64"),
            "end": pd.array([e for _, e, _ in spans], dtype="Int64"),
            "text": pd.array([t for _, _, t in spans], dtype="str"),
        }
    )
    return {"articles": articles, "segments": segments}


def reference_check(article: str, start: int, end: int, text: str) -> str | None:
    """The plain definition, on Python strings (code points)."""
    if start > end:
        return "span-start-after-end"
    if end > len(article) or start < 0:
        return "span-out-of-range"
    return None if article[start:end] == text else "span-text-mismatch"


def span_findings(article, spans) -> dict[str, str]:
    report = Report(path="-")
    check_spans(span_tables(article, spans), report)
    found = {}
    for f in report.findings:
        assert f.row_id not in found, "one finding per span"
        found[f.row_id] = f.check
    return found


@st.composite
def article_and_spans(draw):
    article = draw(ARTICLE)
    n = len(article)
    spans = []
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(-2, n + 2))
        end = draw(st.integers(-2, n + 2))
        if draw(st.booleans()) and 0 <= start <= end <= n:
            text = article[start:end]
        else:
            text = draw(ARTICLE)
        spans.append((start, end, text))
    return article, spans


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article_and_spans())
def test_span_check_agrees_with_plain_slicing(case):
    article, spans = case
    expected = {f"g{i}": reference_check(article, *span) for i, span in enumerate(spans)}
    assert span_findings(article, spans) == {k: v for k, v in expected.items() if v}


@settings(max_examples=100, deadline=None)
@given(ARTICLE, st.data())
def test_valid_spans_pass_and_any_off_by_one_is_caught(article, data):
    n = len(article)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    assert span_findings(article, [(start, end, article[start:end])]) == {}
    moved_start = start + data.draw(st.sampled_from([-1, 1]))
    moved_end = end + data.draw(st.sampled_from([-1, 1, 0]))
    mutated = (moved_start, moved_end, article[start:end])
    want = reference_check(article, *mutated)
    assume(want is not None)  # e.g. "aa"[0:1] == "aa"[1:2]: the slice did not change
    assert span_findings(article, [mutated]) == {"g0": want}


@settings(max_examples=80, deadline=None)
@given(ARTICLE, st.data())
def test_mutated_span_text_is_caught(article, data):
    assume(article)
    start = data.draw(st.integers(0, len(article) - 1))
    end = data.draw(st.integers(start + 1, len(article)))
    text = article[start:end]
    mutated = data.draw(
        st.sampled_from([text[:-1], text + "a", "🜁" + text[1:], text[:-1] + "\u0301", text.replace("\r\n", "\n")])
    )
    assume(mutated != text)
    assert span_findings(article, [(start, end, mutated)]) == {"g0": "span-text-mismatch"}


# --- the fast alias and quote-mark scans vs their plain versions -----------------------------

WORDS = st.sampled_from(["Maduro", "Nicolás", "Nicolás Maduro", "operation", "Sea", "Sean", "the", "US", "é", ",", " "])


@settings(max_examples=100, deadline=None)
@given(st.lists(WORDS, max_size=30).map(" ".join), st.data())
def test_alias_coverage_fast_path_agrees_with_alias_by_alias_check(text, data):
    aliases = [["Nicolás Maduro", "Maduro"], ["Maduro operation"], ["Caribbean Sea"], ["Sean Hannity", "Sean"], ["US"]]
    mention_spans = [m.span() for m in re.finditer(r"\S+( \S+)?", text) if data.draw(st.booleans())]
    tables = {
        "articles": pd.DataFrame({"article_id": ["a"], "text": [text]}).astype("str"),
        "entities": pd.DataFrame({"entity_id": [f"e{i}" for i in range(len(aliases))], "aliases": aliases}),
        "mentions": pd.DataFrame(
            {"article_id": ["a"] * len(mention_spans),
             "start": pd.array([s for s, _ in mention_spans], dtype="Int64"),
             "end": pd.array([e for _, e in mention_spans], dtype="Int64")}
        ),
    }
    fast, plain = Report(path="-"), Report(path="-")
    check_alias_coverage(tables, fast)
    pairs = [(f"e{i}", a) for i, group in enumerate(aliases) for a in group]
    _report_uncovered_aliases("a", text, pairs, tables["mentions"], plain)
    assert sorted(fast.findings) == sorted(plain.findings)


def reference_scan(text):
    """The scanner as first written: every character of every paragraph, one by one, with the
    continued quotations of Q2 (a paragraph still open when the next non-blank line starts with
    an opening mark of the same kind, or, when the paragraph ends a sentence, the line after one or
    two caption lines does; a straight mark after a blank and before a non-blank; a curly closing
    mark with no curly one open closing a straight one)."""
    pairs, strays = [], []
    offset = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        stack = []
        for i, ch in enumerate(line):
            pos, prev, nxt = offset + i, line[i - 1] if i else "", line[i + 1] if i + 1 < len(line) else ""
            if ch == DOUBLE_OPEN:
                stack.append(("double", pos))
            elif ch == DOUBLE_CLOSE:
                families = {f for f, _ in stack}
                family = "double" if "double" in families or "straight" not in families else "straight"
                _reference_close(stack, family, pos, pairs, strays)
            elif ch == STRAIGHT_DOUBLE:
                if any(f == "straight" for f, _ in stack) and prev and prev in " \t\r" and nxt and nxt not in " \t\r":
                    _reference_close(stack, "straight", pos, pairs, strays, end=offset + len(line[:i].rstrip(" \t\r")))
                    stack.append(("straight", pos))
                elif stack and stack[-1][0] == "straight":
                    pairs.append((stack.pop()[1], pos))
                elif any(f == "straight" for f, _ in stack):
                    _reference_close(stack, "straight", pos, pairs, strays)
                else:
                    stack.append(("straight", pos))
            elif ch == SINGLE_OPEN or (ch == "'" and not prev.isalnum() and nxt.isalnum()):
                stack.append(("single", pos))
            elif ch in SINGLE_CLOSERS and not (prev.isalnum() and nxt.isalnum()):
                if any(f == "single" for f, _ in stack) and not nxt.isalnum():
                    _reference_close(stack, "single", pos, pairs, strays)
        if stack:
            following = next((ln for ln in lines[number + 1 :] if ln.strip(" \t\r")), "")
            single = stack[0][0] == "single"
            first = following[:1]
            opens = bool(first) and (first in ("‘" if single else "“\"") or single and first == "'" and following[1:2].isalnum())
            end = offset + len(line.rstrip(" \t\r"))
            if opens and end > stack[0][1] + 1:
                pairs.append((stack.pop(0)[1], end))
            elif not opens and end > stack[0][1] + 1 and _ends_sentence(line) and _captions_then_opening(lines[number + 1 :], single):
                pairs.append((stack.pop(0)[1], end))
        strays.extend((p, True) for _, p in stack)
        offset += len(line) + 1
    return sorted(pairs), sorted(strays)


def _ends_sentence(line: str) -> bool:
    return re.search("[.!?…][’'”\")\\]]?$", line.rstrip(" \t\r")) is not None


def _captions_then_opening(rest: list[str], single: bool) -> bool:
    """Q2's caption lines (added to the scanner in the extractor's round 10, after this reference
    was written): one or two short lines that end no sentence and hold no mark, blank lines
    allowed, then a line whose first character opens a quotation of the open one's kind."""
    captions = []
    for line in rest:
        if not line.strip(" \t\r"):
            continue
        first = line[:1]
        if first in ("‘" if single else "“\"") or single and first == "'" and line[1:2].isalnum():
            return 0 < len(captions) <= 2 and all(
                len(c.strip()) <= 200 and not _ends_sentence(c.strip()) and not any(m in c for m in "“”\"‘’'") for c in captions)
        captions.append(line)
    return False


def _reference_close(stack, family, pos, pairs, strays, end=None):
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == family:
            strays.extend((inner, True) for _, inner in stack[depth + 1 :])
            if end is None or end > stack[depth][1] + 1:
                pairs.append((stack[depth][1], pos if end is None else end))
            else:
                strays.append((stack[depth][1], True))
            del stack[depth:]
            return
    strays.append((pos, False))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab \n’‘“”\"'.\t\r") + ["It’s", "don't"]), max_size=40).map("".join))
@example("‘.\na\n‘")  # a caption line between two paragraphs of one quotation: session 35's CI drew it, the reference lacked the rule
def test_mark_scanner_agrees_with_the_character_by_character_version(text):
    pairs, strays = scan_quote_marks(text)
    assert ([(p.open, p.close) for p in pairs], [(s.position, s.opens) for s in strays]) == reference_scan(text)


def test_offsets_are_code_points_not_bytes_or_utf16_units():
    article = "🜁e\u0301\r\nMaduro"
    start = article.index("Maduro")
    assert start == 5 and len(article[:start].encode("utf-8")) == 9 and len(article[:start].encode("utf-16-le")) // 2 == 6
    assert span_findings(article, [(start, start + 6, "Maduro")]) == {}
    assert span_findings(article, [(9, 15, "Maduro")]) == {"g0": "span-out-of-range"}


# --- parallel work gives the same report ----------------------------------------------------


def test_report_is_the_same_on_one_worker_and_on_many(dataset_copy, monkeypatch):
    """Tables are read, Pandera-checked and cross-checked in threads; findings keep one order."""
    quotes, mentions = load(dataset_copy, "quotes"), load(dataset_copy, "mentions")
    quotes.loc[0, "text"] = quotes.loc[0, "text"] + "X"  # span-text-mismatch
    quotes.loc[1, "speaker_id"] = "nobody"  # dangling-foreign-key, speaker-mention-mismatch
    mentions.loc[2, "kind"] = "VERB"  # label-outside-set
    mentions = mentions.drop(index=3)  # alias-not-covered, and its quote's speaker mention dangles
    save(dataset_copy, "quotes", quotes)
    save(dataset_copy, "mentions", mentions)
    many = validate(dataset_copy)
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    one = validate(dataset_copy)
    assert len({f.check for f in many.findings}) >= 4
    assert many.findings == one.findings and many.to_json() == one.to_json()
