"""The fast forms validate uses (issue 19, "validate within 3x of the floor") find the same rows
as the plain definitions they replace, on generated broken values.

- `blank_values` asks `utf8_is_space` only of values whose first byte could start a blank one;
- list foreign keys, reserved values and speaker lists read the run's Arrow tables
  (`Corpus.arrow`) instead of converting pandas' Python lists back;
- boilerplate placement is decided for every flag row in one lookup.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from arrowbreak import read, with_values, write
from landstrikes.schema import articles_checks
from landstrikes.schema.arrowchecks import blank_values
from landstrikes.schema.checkcorpus import Corpus
from landstrikes.schema.every_table_checks import check_foreign_keys
from landstrikes.schema.goldchecks import check_boilerplate_placement, check_reserved_values, check_speakers
from landstrikes.schema.registry import TABLES
from landstrikes.schema.report import NULL_ROW_ID, Report
from landstrikes.schema.tableio import read_arrow, to_pandas

# letters, ASCII spaces and controls, DEL, and the Unicode spaces Arrow and Python know
CHARS = st.sampled_from(list("ab Z9_-") + [chr(c) for c in range(0x00, 0x21)] + ["\x7f", "\x85", "\xa0", "\u1680", "\u2003", "\u2028", "\u3000", "é", "\u200b"])
VALUES = st.lists(st.one_of(st.none(), st.text(CHARS, max_size=5)), max_size=30)


def _plain_blank(values: list[str | None], empty_too: bool) -> list[int]:
    """The definition: every value asked, whitespace-only (Arrow's rule) or, if asked, empty."""
    array = pa.array(values, pa.string())
    blank = pc.utf8_is_space(array)
    if empty_too:
        blank = pc.or_(blank, pc.equal(pc.utf8_length(array), 0))
    return [i for i, b in enumerate(pc.fill_null(blank, False).to_pylist()) if b]


@settings(max_examples=200, deadline=None)
@given(values=VALUES, cut=st.integers(0, 30), skip=st.integers(0, 3), empty_too=st.booleans())
def test_blank_prefilter_finds_the_same_values_as_asking_every_value(values, cut, skip, empty_too):
    whole = pa.array(values, pa.string())
    # several chunks, one of them a slice (an array whose offset is not 0)
    cut = min(cut, len(values))
    chunked = pa.chunked_array([whole.slice(0, cut), pa.array([None] * skip + values[cut:], pa.string()).slice(skip)], pa.string())
    assert blank_values(chunked, empty_too).tolist() == _plain_blank(values, empty_too)
    assert blank_values(whole, empty_too).tolist() == _plain_blank(values, empty_too)


ENTITY_IDS = ["e1", "e2", "e3"]
ITEMS = st.one_of(st.sampled_from(ENTITY_IDS + ["nope", "E1", "", " e1"]))


def _quotes_frame(lists: list[list[str] | None]) -> pd.DataFrame:
    none = pd.Series([None] * len(lists), dtype=object)  # the quotes' other keys: null, never dangling
    return pd.DataFrame({"quote_id": [f"q{i}" for i in range(len(lists))], "speaker_id": none, "parent_quote_id": none,
                         "event_id": none, "speaker_ids": pd.Series(lists, dtype=object)})


def _plain_list_foreign_keys(lists: list[list[str] | None]) -> list[tuple[str, str]]:
    """The definition: every item of every list that is not an entity id, in row and item order."""
    return [(f"q{row}", item) for row, items in enumerate(lists) for item in items or [] if item not in ENTITY_IDS]


@settings(max_examples=100, deadline=None)
@given(lists=st.lists(st.one_of(st.none(), st.lists(ITEMS, max_size=4)), max_size=25))
def test_list_foreign_keys_on_arrow_find_the_same_items_as_the_plain_definition(lists):
    quotes = _quotes_frame(lists)
    entities = pd.DataFrame({"entity_id": ENTITY_IDS})
    arrow = {"quotes": pa.table({"quote_id": quotes["quote_id"].tolist(), "speaker_ids": pa.array(lists, pa.list_(pa.string()))})}
    for tables in ({"quotes": quotes, "entities": entities}, Corpus({"quotes": quotes, "entities": entities}, arrow=arrow)):
        report = Report(path="x")
        check_foreign_keys(tables, report)
        found = [(f.row_id, f.value) for f in report.findings if f.column == "speaker_ids"]
        assert found == _plain_list_foreign_keys(lists)
        assert all(f.check == "dangling-foreign-key" for f in report.findings)


def _plain_boilerplate(flags: pd.DataFrame, segments: pd.DataFrame) -> list[str]:
    """The definition: a boilerplate flag row fails unless some row with its flag_id lies inside a
    navigation/prompt/advertisement segment of its article (a null flag_id is never inside)."""
    noise = segments[segments["kind"].isin(["navigation", "prompt", "advertisement"])]
    inside = set()
    for f in flags[flags["flag"] == "boilerplate"].itertuples():
        for s in noise.itertuples():
            if f.article_id == s.article_id and s.start <= f.start and f.end <= s.end and isinstance(f.flag_id, str):
                inside.add(f.flag_id)
    return [f.flag_id for f in flags[flags["flag"] == "boilerplate"].itertuples() if f.flag_id not in inside]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    flags=st.lists(st.tuples(st.sampled_from(["f1", "f2", "f3", None]), st.sampled_from(["a", "b"]), st.integers(0, 9), st.integers(0, 9),
                             st.sampled_from(["boilerplate", "misquotation"])), max_size=12),
    segments=st.lists(st.tuples(st.sampled_from(["a", "b"]), st.integers(0, 9), st.integers(0, 9), st.sampled_from(["navigation", "body", "prompt"])), max_size=6),
)
def test_boilerplate_placement_fails_the_same_rows_as_the_plain_definition(flags, segments):
    flags = pd.DataFrame(flags, columns=["flag_id", "article_id", "start", "end", "flag"]).assign(text="t")
    segments = pd.DataFrame(segments, columns=["article_id", "start", "end", "kind"])
    flags["flag_id"] = flags["flag_id"].astype(object)
    report = Report(path="x")
    check_boilerplate_placement({"quality_flags": flags, "segments": segments}, report)
    found = [f.row_id for f in report.findings]
    expected = _plain_boilerplate(flags, segments)
    assert found == [str(x) if isinstance(x, str) else NULL_ROW_ID for x in expected]  # a null id (None, NaN): one spelling


@pytest.fixture(scope="module")
def broken_lists(tmp_path_factory):
    """The gold tables with list items that dangle, are reserved keys or contradict speaker_status."""
    root = tmp_path_factory.mktemp("lists")
    shutil.copytree("dataset/data", root / "data")
    quotes = with_values(read(root, "quotes"), "speaker_ids", {0: ["nope"], 2: ["__line__", "x"], 3: [], 5: None})
    write(root, "quotes", quotes)
    write(root, "entities", with_values(read(root, "entities"), "aliases", {1: ["__x", "ok"]}))
    write(root, "claims", with_values(read(root, "claims"), "contradicted_by", {0: ["gone"]}))
    arrow = {spec.name: read_arrow(root / "data" / spec.name).replace_schema_metadata(None) for spec in TABLES}
    return {name: to_pandas(table) for name, table in arrow.items()}, arrow


@pytest.mark.parametrize("check", [check_foreign_keys, check_reserved_values, check_speakers])
def test_checks_reading_the_runs_arrow_tables_report_what_they_report_from_the_frames(broken_lists, check):
    frames, arrow = broken_lists
    reports = []
    for tables in (dict(frames), Corpus(frames, arrow=arrow)):
        report = Report(path="x")
        check(tables, report)
        reports.append([(f.table, f.check, f.row_id, f.column, str(f.value), f.message) for f in report.findings])
    assert reports[0] == reports[1]
    assert reports[0], "the broken lists must be found"


MASKS = articles_checks._quality_suspects
QUALITY = st.sampled_from(["boilerplate", "factual_error", "misquotation", "spun_text", "odd"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    articles=st.lists(st.tuples(st.sampled_from(["a", "b", "c", None]), st.one_of(st.none(), st.lists(QUALITY, max_size=3)),
                                st.sampled_from(["clean", "minor_issues", "major_issues", None])), min_size=1, max_size=6),
    flags=st.lists(st.tuples(st.sampled_from(["a", "b", "d", None]), st.one_of(st.none(), QUALITY)), max_size=10),
)
# the cases a mask could miss: an item listed twice; two factual slips make a minor flag set major
@example(articles=[("a", ["boilerplate", "boilerplate"], "minor_issues")], flags=[("a", "boilerplate")])
@example(articles=[("a", ["factual_error"], "minor_issues")], flags=[("a", "factual_error"), ("a", "factual_error")])
@example(articles=[("a", ["factual_error", "misquotation"], "minor_issues")], flags=[("a", "factual_error"), ("a", "misquotation")])
def test_article_quality_masks_find_the_same_rows_as_the_plain_per_article_rules(articles, flags, monkeypatch_module):
    frame = pd.DataFrame(articles, columns=["article_id", "quality_flags", "quality_label"])
    frame["quality_flags"] = frame["quality_flags"].astype(object)
    evidence = pd.DataFrame(flags, columns=["article_id", "flag"])
    tables = {"articles": frame, "quality_flags": evidence}
    reports = []
    for suspects in (MASKS, lambda *args: None):  # None: every article by the plain rules
        monkeypatch_module.setattr(articles_checks, "_quality_suspects", suspects)
        report = Report(path="x")
        articles_checks.check_article_quality(tables, report)
        reports.append([(f.check, str(f.row_id), str(f.value), f.message) for f in report.findings])
    assert reports[0] == reports[1]


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_a_key_repeated_more_than_twice_the_values_is_found_not_a_recursion_error():
    """Found by the article-quality property test: `_first_index_arrow` probed its keys again and
    again when every key was named by some value (one article id on many rows)."""
    from landstrikes.schema.checkcorpus import _first_index_arrow

    keys = pa.array(["a"] * 5 + ["b"], pa.large_string())
    values = pa.array(["a", None], pa.large_string())
    assert _first_index_arrow(values, keys).tolist() == [0, -1]
