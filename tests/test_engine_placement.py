"""`validate --engine` reports what one-folder validation reports wherever a row lies: a row in
another partition than its article's (re-sharded, moved, concatenated files) is checked with
its article's text and beside its article's other rows, and a shared table with spans
(`mention_exclusions` in one unpartitioned file) has its span checks too."""

from __future__ import annotations

import random
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corpuswide
from conftest import DATASET
from landstrikes.engines.partitions import layout
from landstrikes.engines.tasks import TASK_BYTES
from landstrikes.engines.validate import validate_partitioned
from landstrikes.schema.registry import TABLES
from landstrikes.schema.tableio import read_arrow, table_files
from landstrikes.schema.validate import validate

GOLD = read_arrow(DATASET / "data" / "articles")["article_id"].to_pylist()
ARTICLE_TABLES = ("mentions", "quotes", "claims", "stances", "segments", "quality_flags")
"""Every gold table with rows and an article_id, but articles (whose rows say where an article is)."""
PASS_ROWS = 200
"""Keys a corpus-wide pass holds here (`pass_rows`): the gold's largest key checks still take 3-4
passes (mentions' ids 3, claims' foreign keys to claims and clusters 4), the rest 1-2. A row's
bucket is its key's hash (`keys.buckets` reads the value's bytes, never its file), so a moved row
meets the rows of its key in the same pass whatever the pass count; the pass logic itself is
tested at 7 and 40 keys a pass (test_engine_keys, test_engine). At 50 (session 19 to 27) the same
checks took up to 16 passes, every file of the table re-read in each (docs/notes/cispeed7.md)."""


def scatter(target: Path, place, edit=None, keyless: bool = False) -> Path:
    """The gold tables written as partitions, row by row: `place(table, i, article_id)` names the
    partition of row i (by default its article's), `edit(table, rows)` may change rows first.
    Tables without rows, and unless `keyless` tables without an article_id (placed with
    article_id None), are copied as shared tables."""
    data = target / "data"
    for spec in TABLES:
        table = read_arrow(DATASET / "data" / spec.name)
        rows = table.to_pylist()
        if edit is not None:
            edit(spec.name, rows)
        (data / spec.name).mkdir(parents=True)
        if ("article_id" not in table.column_names and not keyless) or not rows:
            for path in table_files(DATASET / "data" / spec.name):
                pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), data / spec.name / path.name)
            continue
        by_part: dict[int, list[dict]] = {}
        for i, row in enumerate(rows):
            by_part.setdefault(place(spec.name, i, row.get("article_id")), []).append(row)
        for k, part in sorted(by_part.items()):
            pq.write_table(pa.Table.from_pylist(part, schema=table.schema), data / spec.name / f"{spec.name}-{k:09d}.parquet")
    return target


def own_partition(table: str, i: int, article: str | None) -> int:
    return GOLD.index(article) if article is not None else i % len(GOLD)


def moved(which: str, first_of: str = GOLD[0], to: int = 3):
    """Each article's own partition, but the first row of `which` of article `first_of` in partition `to`."""
    first = {}

    def place(table: str, i: int, article: str) -> int:
        if table == which and article == first_of and first.setdefault(table, i) == i:
            return to
        return own_partition(table, i, article)

    return place


def first_row_of(which: str, change):
    def edit(table: str, rows: list[dict]) -> None:
        if table == which:
            change(next(r for r in rows if r["article_id"] == GOLD[0]))
    return edit


def same_report(corpus: Path, engine: str = "local") -> list:
    """One partition per task and all partitions in one task: the one-folder findings and exit code.
    The corpus-wide pass, which takes no task grouping, runs once for both when its arguments are
    the same (tests/corpuswide.py)."""
    one_folder = validate(corpus)
    with corpuswide.once():
        for task_floor in (1, TASK_BYTES):
            partitioned = validate_partitioned(corpus, engine, num_proc=2, pass_rows=PASS_ROWS, task_floor=task_floor)
            assert partitioned.unusable == one_folder.unusable
            assert sorted(partitioned.findings) == sorted(one_folder.findings), task_floor
            assert partitioned.exit_code == one_folder.exit_code
    return one_folder.findings


@pytest.mark.parametrize("table", ARTICLE_TABLES)
def test_a_sound_row_in_another_partition_than_its_article_adds_no_finding(tmp_path, table):
    assert same_report(scatter(tmp_path, moved(table))) == []


def _text_findings(checks: set[str]) -> bool:
    """The first quote's text edited ("The cartels ..." -> "Qhe cartels ...", a variant of a
    ten-row cluster) is span-text-mismatch, and its cluster_similarity no longer what its words
    give (cluster-similarity-mismatch, judged on the quotes table alone, as the corpus-wide pass
    sees it), nothing else."""
    return checks == {"span-text-mismatch", "cluster-similarity-mismatch"}


def _wrong_text(row: dict) -> None:
    column = "evidence_text" if "evidence_text" in row else "text"
    row[column] = "Q" + row[column][1:]


@pytest.mark.parametrize("table", ARTICLE_TABLES)
def test_a_moved_row_whose_span_text_is_not_its_article_gives_the_one_folder_finding(tmp_path, table):
    findings = same_report(scatter(tmp_path, moved(table), first_row_of(table, _wrong_text)))
    assert "span-text-mismatch" in {f.check for f in findings}


def test_a_moved_mention_beside_an_uncovered_alias_gives_the_one_folder_finding(tmp_path):
    """The article's first mention is dropped (its alias occurrence uncovered) and its second
    moved to another partition: one finding, the uncovered one, not the moved one too."""
    def edit(table: str, rows: list[dict]) -> None:
        if table == "mentions":
            rows.remove(next(r for r in rows if r["article_id"] == GOLD[0]))

    findings = same_report(scatter(tmp_path, moved("mentions"), edit))
    assert [f.check for f in findings] == ["alias-not-covered"]


def test_a_moved_quote_whose_span_loses_its_closing_mark_gives_the_one_folder_findings(tmp_path):
    def shorten(row: dict) -> None:
        row["end"] -= 1
        row["text"] = row["text"][:-1]

    def edit(table: str, rows: list[dict]) -> None:
        if table == "quotes":
            shorten(next(r for r in rows if r["article_id"] == GOLD[0] and r["kind"] == "direct"))

    first_direct = {}

    def place(table: str, i: int, article: str) -> int:
        if table == "quotes" and article == GOLD[0] and first_direct.setdefault(table, i) == i:
            return 4
        return own_partition(table, i, article)

    assert same_report(scatter(tmp_path, place, edit))


def test_every_row_of_an_article_in_other_partitions_than_its_article_row(tmp_path):
    """Article 0's rows of every table in partition 4, article 4's in partition 0."""
    swap = {GOLD[0]: 4, GOLD[4]: 0}
    corpus = scatter(tmp_path, lambda t, i, a: own_partition(t, i, a) if t == "articles" else swap.get(a, own_partition(t, i, a)))
    assert same_report(corpus) == []


def _exclusion(mention: dict, text: str) -> dict:
    return {"exclusion_id": mention["mention_id"].replace(":m:", ":x:"), "article_id": mention["article_id"],
            "entity_id": mention["entity_id"], "start": mention["start"], "end": mention["end"], "text": text,
            "reason": "invented for a test", "source": "gold", "confidence": None}


def test_a_shared_exclusions_table_has_its_span_checks(tmp_path):
    """mention_exclusions in one unpartitioned file, one row whose text is not its article's."""
    corpus = scatter(tmp_path, own_partition)
    mentions = read_arrow(DATASET / "data" / "mentions").to_pylist()
    far = next(m for m in reversed(mentions) if m["article_id"] == GOLD[2])
    folder = corpus / "data" / "mention_exclusions"
    schema = read_arrow(folder).schema
    rows = [_exclusion(far, "Q" + far["text"][1:])]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), next(iter(table_files(folder))))
    findings = same_report(corpus)
    assert ("mention_exclusions", "span-text-mismatch") in {(f.table, f.check) for f in findings}


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), partitions=st.integers(2, 5), broken=st.sampled_from((None, *ARTICLE_TABLES)))
def test_rows_scattered_at_random_give_the_one_folder_report(tmp_path_factory, seed, partitions, broken):
    rng = random.Random(seed)
    edit = first_row_of(broken, _wrong_text) if broken else None
    corpus = scatter(tmp_path_factory.mktemp("scattered"), lambda t, i, a: rng.randrange(partitions), edit, keyless=True)
    assert bool(same_report(corpus)) == bool(broken)


def test_moved_rows_on_ray_give_the_one_folder_report(ray_session, tmp_path):
    """The plan travels with the tasks to Ray workers: a sound moved mention and a moved quote
    with a wrong text, as on the local engine."""
    swap = {GOLD[1]: 3}
    corpus = scatter(tmp_path, lambda t, i, a: own_partition(t, i, a) if t == "articles" else swap.get(a, own_partition(t, i, a)),
                     first_row_of("quotes", _wrong_text))
    assert _text_findings({f.check for f in same_report(corpus, "ray")})


def test_a_corpus_whose_articles_are_not_partitioned_is_validated_as_one_folder(tmp_path):
    """Articles in one file, their rows in partitions: no task may hold every article and a
    part of their rows (their alias, mark and segment rules would miss the rest)."""
    corpus = scatter(tmp_path, own_partition, first_row_of("quotes", _wrong_text))
    folder = corpus / "data" / "articles"
    articles = read_arrow(folder)
    for path in table_files(folder):
        path.unlink()
    pq.write_table(articles, folder / "articles.parquet")
    assert _text_findings({f.check for f in same_report(corpus)})


def test_an_article_row_repeated_in_another_partition_gives_the_one_folder_findings(tmp_path):
    """A copy of article 0's row in partition 3 (a `duplicate-id`): one folder checks article 0's
    rows against both copies together; so must the tasks, not the copy alone in partition 3."""
    def edit(table: str, rows: list[dict]) -> None:
        if table == "articles":
            rows.append(dict(rows[0]))

    corpus = scatter(tmp_path, lambda t, i, a: 3 if (t, i) == ("articles", len(GOLD)) else own_partition(t, i, a), edit)
    assert "duplicate-id" in {f.check for f in same_report(corpus)}


def test_rows_of_no_article_cut_into_partitions_are_looked_up_by_every_task(tmp_path):
    """entities, claim_clusters and stance_targets cut by index (row i in partition i mod 5), and
    article 0's first mention dropped: its alias is uncovered whichever partition holds its entity."""
    def edit(table: str, rows: list[dict]) -> None:
        if table == "mentions":
            rows.remove(next(r for r in rows if r["article_id"] == GOLD[0]))

    findings = same_report(scatter(tmp_path, own_partition, edit, keyless=True))
    assert [f.check for f in findings] == ["alias-not-covered"]


def _flip_a_byte_of(path: Path, column: str) -> None:
    """Rewrite `path` with page checksums and flip one byte inside `column`'s first data page:
    the other columns still read, the file as a whole is refused."""
    table = pq.read_table(path)
    pq.write_table(table, path, write_page_checksum=True, compression="none")
    meta = pq.ParquetFile(path).metadata.row_group(0)
    chunk = next(meta.column(i) for i in range(meta.num_columns) if meta.column(i).path_in_schema == column)
    data = bytearray(path.read_bytes())
    middle = chunk.data_page_offset + chunk.total_compressed_size // 2
    data[middle] ^= 0xFF
    path.write_bytes(bytes(data))


def test_a_refused_file_holding_a_row_of_another_task_is_refused_as_one_folder_refuses_it(tmp_path):
    """Its rows are not copied out of it (a copy would pass): its holder reports the file."""
    corpus = scatter(tmp_path, moved("mentions"))
    held = corpus / "data" / "mentions" / "mentions-000000003.parquet"
    _flip_a_byte_of(held, "text")
    assert pq.read_table(held, columns=["article_id"]).num_rows  # the placement can still read it
    one_folder = validate(corpus)
    assert one_folder.exit_code == 2 and str(held) in one_folder.unusable
    same_report(corpus)


def test_the_corpus_wide_pass_given_once_is_what_the_second_grouping_computes(tmp_path):
    """`same_report` runs the corpus-wide pass once for both task floors (tests/corpuswide.py): the
    report it gives the second run is the one that run computes alone, corpus-wide findings
    (duplicate-id, dangling-foreign-key) included; a file rewritten between the runs would be computed again."""
    def edit(table: str, rows: list[dict]) -> None:
        if table == "articles":
            rows.append(dict(rows[0]))
        if table == "mentions":
            rows[0]["entity_id"] = "no-such-entity"

    corpus = scatter(tmp_path, lambda t, i, a: 3 if (t, i) == ("articles", len(GOLD)) else own_partition(t, i, a), edit)
    alone = validate_partitioned(corpus, "local", num_proc=2, pass_rows=PASS_ROWS, task_floor=TASK_BYTES)
    assert {"duplicate-id", "dangling-foreign-key"} <= {f.check for f in alone.findings}
    with corpuswide.once() as wide:
        validate_partitioned(corpus, "local", num_proc=2, pass_rows=PASS_ROWS, task_floor=1)
        given_once = validate_partitioned(corpus, "local", num_proc=2, pass_rows=PASS_ROWS, task_floor=TASK_BYTES)
        assert (wide.computed, wide.replayed) == (1, 1)
        assert (given_once.findings, given_once.unusable, given_once.tables) == (alone.findings, alone.unusable, alone.tables)
    parts = layout(corpus / "data")
    arguments = corpuswide.arguments(corpus / "data", parts, set(), alone, PASS_ROWS)
    part = next(iter(table_files(corpus / "data" / "mentions")))
    pq.write_table(pq.read_table(part), part, compression="none")  # the same rows, another file: computed again
    assert corpuswide.arguments(corpus / "data", parts, set(), alone, PASS_ROWS) != arguments
