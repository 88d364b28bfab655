"""attack17: `evaluate` and `agreement` match spans in time that grows with the rows, and count
segment characters by intervals.

`match_spans` compared each gold span with every span of the other side, the article checked
inside the loop; `evaluate` then filtered every layer once per article; `_char_agreement` wrote a
dictionary entry per character. Evaluating an extract of 200 articles against itself took 90 s
(51 CPU-s), growing with the square of the articles, and a predicted segment ending at 2**62
(no check bounds a prediction's offsets) never finished, filling memory. The figures must stay
exactly those of the rules as they were written (the plain references below)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.documents.agreement import match_spans
from landstrikes.evaluate import _char_agreement, evaluate


def _match_all_pairs(gold: list[dict], second: list[dict], exact: bool) -> list[tuple[dict, dict]]:
    """The greedy rule, every pair looked at: for each gold span in order, among the unused spans
    of its article that equal (exact) or overlap it, the one of largest overlap, earlier first."""
    pairs, used = [], set()
    for g in gold:
        candidates = [(i, s) for i, s in enumerate(second)
                      if i not in used and s["span"] and s["article_id"] == g["article_id"]
                      and (s["span"] == g["span"] if exact else s["span"][0] < g["span"][1] and g["span"][0] < s["span"][1])]
        if candidates:
            i, s = max(candidates, key=lambda c: min(c[1]["span"][1], g["span"][1]) - max(c[1]["span"][0], g["span"][0]))
            used.add(i)
            pairs.append((g, s))
    return pairs


def _chars_one_by_one(gold: list[dict], pred: list[dict]) -> float | None:
    """The character rule, character by character: later predicted rows paint over earlier ones."""
    kinds: dict = {}
    for p in pred:
        for i in range(*p["span"]):
            kinds[(p["article_id"], i)] = p["kind"]
    total = agree = 0
    for g in gold:
        for i in range(*g["span"]):
            total += 1
            agree += kinds.get((g["article_id"], i)) == g["kind"]
    return round(agree / total, 4) if total else None


_row = st.fixed_dictionaries({"article_id": st.sampled_from(["a", "b"]), "kind": st.sampled_from(["body", "title", None]),
                              "span": st.tuples(st.integers(-3, 40), st.integers(-3, 40))})


@settings(max_examples=400, deadline=None)
@given(st.lists(_row, max_size=20), st.lists(_row, max_size=20), st.booleans())
def test_spans_match_as_the_all_pairs_rule_matches_them(gold, second, exact):
    got = [(id(g), id(s)) for g, s in match_spans(gold, second, exact)]
    assert got == [(id(g), id(s)) for g, s in _match_all_pairs(gold, second, exact)]


@settings(max_examples=400, deadline=None)
@given(st.lists(_row, max_size=12), st.lists(_row, max_size=12))
def test_segment_characters_count_as_one_by_one(gold, pred):
    assert _char_agreement(gold, pred) == _chars_one_by_one(gold, pred)


def test_a_predicted_segment_ending_at_2_to_the_62_is_counted_not_walked():
    """In a child with 1 GB of address space and 60 s: the old loop ran out of either."""
    code = ("import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
            "from landstrikes.evaluate import _char_agreement; "
            "print(_char_agreement([{'article_id': 'a', 'span': (0, 10), 'kind': 'body'}], "
            "[{'article_id': 'a', 'span': (0, 2 ** 62), 'kind': 'body'}, {'article_id': 'a', 'span': (5, 10), 'kind': 'title'}]))")
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        raise AssertionError("still counting after 60 s") from None
    assert done.returncode == 0 and done.stdout.strip() == "0.5", done.stderr[-500:]


def test_twenty_thousand_spans_match_in_seconds():
    n = 20_000
    gold = [{"article_id": f"a{i % 500}", "span": (10 * i, 10 * i + 5)} for i in range(n)]
    second = [{"article_id": f"a{i % 500}", "span": (10 * i + 1, 10 * i + 6)} for i in range(n)]
    began = time.perf_counter()
    assert len(match_spans(gold, second, exact=False)) == n and len(match_spans(gold, second, exact=True)) == 0
    assert time.perf_counter() - began < 10


def _replicated(data, target, copies: int):
    """The tables of `data` `copies` times over, each copy's article ids suffixed (a bigger corpus)."""
    for folder in sorted(p for p in data.iterdir() if p.is_dir()):
        (target / folder.name).mkdir(parents=True)
        for part in folder.glob("*.parquet"):
            table = pq.read_table(part)
            if "article_id" not in table.column_names or not table.num_rows:
                shutil.copy(part, target / folder.name / part.name)
                continue
            index = table.schema.get_field_index("article_id")
            copies_of = [table.set_column(index, table.schema.field(index), pc.binary_join_element_wise(
                table.column(index), pa.scalar(f"{k:03d}"), "-")) for k in range(copies)]
            pq.write_table(pa.concat_tables(copies_of), target / folder.name / part.name)
    return target.parent


def test_evaluate_of_two_hundred_articles_takes_seconds(built_dataset, tmp_path):
    """200 articles (40 copies of the gold) against themselves: 90 s before, a second or two now."""
    folder = _replicated(built_dataset / "data", tmp_path / "big" / "data", 40)
    began = time.perf_counter()
    result = evaluate(folder, folder)
    assert time.perf_counter() - began < 30
    assert len(result["per_article"]) == 200 and result["layers"]["mentions"]["overlap"]["f1"] == 1.0
    assert result["layers"]["segments"]["char_kind_accuracy"] == 1.0
