"""Issue 19, eighth helper round (validate8): the stage tool measures validate as the command runs
it, and the faster forms of this round find what their plain definitions find."""

from __future__ import annotations

import subprocess
import sys

import pyarrow as pa
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import REPO
from landstrikes.schema import arrowrules
from landstrikes.schema.article_ids import distinct_by_article
from landstrikes.schema.arrowrules import _distinct
from landstrikes.schema.checkcorpus import one_array

STAGES_THEN_MODULES = """
import runpy, sys
sys.argv = ["validate_stages.py", sys.argv[1]]
runpy.run_path({script!r}, run_name="__main__")
print("PANDAS" if "pandas" in sys.modules else "NO-PANDAS")
"""


def test_the_stage_tool_imports_no_pandas_that_the_validate_command_never_imports(built_dataset):
    """benchmarks/validate_stages.py once charged pyarrow's import of pandas (0.15 user CPU-s at
    10^5) to check_arrow_table, a stage the command never pays it in."""
    code = STAGES_THEN_MODULES.format(script=str(REPO / "benchmarks" / "validate_stages.py"))
    proc = subprocess.run([sys.executable, "-c", code, str(built_dataset / "data")], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "check_arrow_table" in proc.stdout
    assert proc.stdout.strip().splitlines()[-1] == "NO-PANDAS", proc.stdout[-2000:]


# --- unique ids proven distinct article by article (schema/article_ids.py) ---------------------

ARTICLE_NAMES = st.text(st.sampled_from(list("ab:1")), min_size=0, max_size=3)
ID_TAILS = st.text(st.sampled_from(list("ab:1m")), min_size=0, max_size=3)


@st.composite
def ids_with_articles(draw):
    """Rows of (article id, id): ids mostly made as `<article>:<tail>` (the proof's case), some
    as another article's, some arbitrary; rows mostly article by article, sometimes shuffled;
    repeats are likely."""
    rows = []
    articles = draw(st.lists(ARTICLE_NAMES, min_size=1, max_size=4))
    for article in articles:
        for tail in draw(st.lists(ID_TAILS, min_size=1, max_size=4)):
            made = draw(st.sampled_from(["derived", "derived", "derived", "another", "arbitrary"]))
            owner = draw(st.sampled_from(articles)) if made == "another" else article
            rows.append((article, f"{owner}:{tail}" if made != "arbitrary" else draw(ID_TAILS)))
    if draw(st.booleans()):
        rows.sort(key=lambda row: (row[0], row[1].encode()))  # article by article, ids increasing
    elif draw(st.booleans()):
        rows = draw(st.permutations(rows))
    return rows


@settings(max_examples=2000, deadline=None)
@given(ids_with_articles(), st.sampled_from([pa.string(), pa.large_string()]))
@example([("a", "a:1"), ("a:1", "a:1:1"), ("a", "a:1:1")], pa.string())  # the article id holds a ':'
@example([("a", "ab:1"), ("ab", "ab:1")], pa.string())  # an id that does not go on with ':' after its article
@example([("a", "a:1"), ("b", "b:1"), ("a", "a:1")], pa.string())  # one article's rows in two runs
@example([("a", "b:1"), ("b", "b:1")], pa.large_string())  # an id that begins with another article's id
@example([("a", "a:1"), ("a", "a:1")], pa.string())  # one article's ids not increasing
def test_ids_proven_distinct_article_by_article_never_repeat(rows, type_):
    """Whenever the proof says distinct, no id occurs twice (byte for byte); seen failing with each
    of its conditions left out: the ':' refused in article ids, the ':' after the article id,
    the distinct heads of article runs, the increase within a run, the article id compared."""
    articles = pa.array([a for a, _ in rows], type_)
    ids = pa.array([i for _, i in rows], type_)
    if distinct_by_article(ids, articles):
        assert len({i for _, i in rows}) == len(rows), rows


@settings(max_examples=500, deadline=None)
@given(ids_with_articles())
def test_the_gate_says_distinct_exactly_when_no_id_repeats(rows):
    """_distinct with the table's article ids (the proof, else the sort) against the set of ids."""
    table = pa.table({"mention_id": [i for _, i in rows], "article_id": [a for a, _ in rows]})
    assert _distinct(table.column("mention_id"), table.column("article_id")) == (len({i for _, i in rows}) == len(rows))


def test_span_ids_of_articles_interleaved_as_the_benchmark_writes_them_are_proven_without_a_sort(monkeypatch):
    """The benchmark's tables come article by article with each article's ids increasing, but
    not increasing over the table (replicas interleave): the proof applies, no sort is made."""
    articles = [f"{replica:03d}-{k}" for k in range(3) for replica in range(2)]  # 000-0 001-0 000-1 ...
    rows = [(a, f"{a}:m:{s}-{s + 2}") for a in articles for s in (10, 3, 100)]
    rows = sorted(rows, key=lambda row: (articles.index(row[0]), row[1]))
    table = pa.table({"mention_id": [i for _, i in rows], "article_id": [a for a, _ in rows]})
    assert distinct_by_article(one_array(table.column("mention_id")), one_array(table.column("article_id")))
    sorted_lengths = []
    sort_indices = arrowrules.pc.sort_indices
    monkeypatch.setattr(arrowrules.pc, "sort_indices", lambda values, *a, **k: sorted_lengths.append(len(values)) or sort_indices(values, *a, **k))
    assert _distinct(table.column("mention_id"), table.column("article_id"))
    assert sorted_lengths == [len(articles)]  # the article runs' heads, never the ids
