"""Cross checks of the mentions table (beside schema/mentions.py): every alias occurrence is a
mention or an exclusion (M2, M5, M6).
"""

from __future__ import annotations

import array
import collections
import functools
import re

import ahocorasick_rs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.aliasscan import alias_occurrences_by_alias, separators_present, spaced_variants
from landstrikes.schema.checkcorpus import (
    _shared,
    arrow_column,
    article_numbers,
    article_texts,
    frame_ints,
    frame_nulls,
    frame_of,
    pandas_on_demand as pd,
)
from landstrikes.schema.registry import TABLES_BY_NAME
from landstrikes.schema.report import Report
from landstrikes.schema.spantext import ArticleTexts


def check_alias_coverage(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Every whole-word alias occurrence is inside a mention or an exclusion (M2, M5).

    Fast path: every occurrence of every alias in one compiled scan of the article bytes
    (aliasscan.py), then a vectorised "inside a merged covering interval" test. An article with
    any uncovered occurrence is re-checked by the plain check, for the aliases found uncovered
    there only (and those with too many spellings to scan, where a separator occurs), so the
    findings are the plain check's at a cost that follows the uncovered aliases: re-checking every
    alias of every such article took 136 s on a 10^5-quote corpus missing one entity's mentions
    (4,855 articles x 107 aliases, regular expressions over each whole text; session 29). The
    plain check's expression is tried only where the scan found the alias (`_Candidates`), not
    along the whole text: a corpus with no mention at all spent 43 s there.
    """
    articles, entities, mentions = (tables.get(n) for n in ("articles", "entities", "mentions"))
    if articles is None or entities is None or mentions is None:
        return
    covering_tables = [n for n in ("mentions", "mention_exclusions") if n in tables]
    # M2 is an annotator's completeness promise; an extractor's (source "auto") entities make none
    texts = article_texts(tables)
    # an alias's space matches any space separator (M6): the scan also looks for every spelling
    # with the separators this corpus holds; if an alias has too many, its articles go the exact way
    spelt, unlisted = alias_spellings(_gold_aliases(tables), texts, tables)
    spellings = [v for variants in spelt.values() for v in variants]
    numbers, pattern, starts, ends = alias_scan(tables, spellings)
    global_starts = texts.cp_starts[numbers]
    global_ends = global_starts + ends
    global_starts += starts
    uncovered = ~_inside_intervals(global_starts, global_ends, *_global_intervals(tables, covering_tables, texts))
    spaced = articles_with_unicode_spaces(texts) if unlisted else np.zeros(0, np.int64)
    suspects = np.union1d(np.unique(numbers[uncovered]), spaced).astype(np.int64).tolist()
    if not suspects:
        return
    distinct = sorted(set(spellings))
    wanted = _aliases_to_recheck(spelt, unlisted, numbers[uncovered], pattern[uncovered], spaced, distinct)
    candidates = _Candidates(spelt, distinct, numbers, pattern, starts, suspects, set(unlisted), set(spaced.tolist()))
    entities = frame_of(entities)  # the slow path words findings on the values as pandas shows them
    gold = entities[entities["source"] != "auto"] if "source" in entities else entities
    pairs = [(e, a) for e, aliases in zip(gold["entity_id"], gold["aliases"]) for a in aliases or []]
    covering = pd.concat([tables[n][["article_id", "start", "end"]] for n in covering_tables], ignore_index=True)
    covering_rows = covering.groupby("article_id", sort=False).indices  # each article's rows, found once
    covering_start, covering_end = (covering[c].fillna(0).astype(int).to_numpy() for c in ("start", "end"))
    article_ids = articles["article_id"].to_numpy()
    for begin in range(0, len(suspects), _TEXTS_AT_ONCE):
        numbers_here = np.array(suspects[begin:begin + _TEXTS_AT_ONCE], np.int64)
        here = texts.slices(numbers_here, np.zeros(len(numbers_here), np.int64), texts.lengths[numbers_here]).to_pylist()
        for number, text in zip(numbers_here.tolist(), here):
            own_pairs = [(e, a) for e, a in pairs if a in wanted[number]]
            rows = covering_rows.get(article_ids[number], _NO_ROWS)  # (an empty tuple would index every row)
            spans = zip(covering_start[rows].tolist(), covering_end[rows].tolist())
            _report_uncovered(article_ids[number], text, own_pairs, spans, report, candidates.of_article(number))


_NO_ROWS = np.zeros(0, np.int64)
_TEXTS_AT_ONCE = 1000
"""Suspect articles whose texts are sliced in one call (one call each cost 1.5 ms at 10^5 quote rows)."""


def _aliases_to_recheck(spelt: dict[str, list[str]], unlisted: list[str], numbers: np.ndarray, pattern: np.ndarray,
                        spaced: np.ndarray, distinct: list[str]) -> dict[int, set[str]]:
    """For each article number, the aliases the plain check must judge there: those a spelling of
    which occurs uncovered (`numbers`, `pattern` into `distinct`), and in an article holding a
    non-ASCII space those whose spellings were too many to scan."""
    aliases_of: dict[str, set[str]] = collections.defaultdict(set)
    for alias, variants in spelt.items():
        for variant in variants:
            aliases_of[variant].add(alias)
    wanted: dict[int, set[str]] = collections.defaultdict(set)
    for number, index in set(zip(numbers.tolist(), pattern.tolist())):
        wanted[number] |= aliases_of[distinct[index]]
    for number in spaced.tolist():
        wanted[number] |= set(unlisted)
    return wanted


def _gold_aliases(tables) -> list[str]:
    """Every alias of every entity an annotator catalogued (source not "auto"), from Arrow."""
    spec = TABLES_BY_NAME["entities"]
    aliases = arrow_column(tables, "entities", "aliases", spec.column("aliases").arrow_type)
    if "source" in tables["entities"]:
        gold = pc.fill_null(pc.not_equal(arrow_column(tables, "entities", "source", pa.string()), "auto"), True)
        aliases = aliases.filter(gold)
    return [a for names in aliases.to_pylist() for a in names or []]


def _global_intervals(tables, names: list[str], texts: ArticleTexts) -> tuple[np.ndarray, np.ndarray]:
    """The spans of tables `names` (at least one) in one coordinate system (article base +
    offset), merged where they touch.

    Rows are dropped (a copy) only when some must be, and the offsets are moved and merged in
    place: 436,000 mentions at 10^5 quote rows make each full-length temporary 3.5 MB of fresh pages."""
    number = np.concatenate([article_numbers(tables, n) for n in names])
    start, end = (np.concatenate([frame_ints(tables[n], c, -1) for n in names]) for c in ("start", "end"))
    known = np.concatenate([~frame_nulls(tables[n], "start") & ~frame_nulls(tables[n], "end") for n in names])
    keep = (number >= 0) & known
    if not keep.all():
        number, start, end = number[keep], start[keep], end[keep]
    n = texts.lengths[number]
    np.clip(start, 0, n, out=start)  # (start and end are this function's own copies)
    np.clip(end, 0, n, out=end)
    base = texts.cp_starts[number]
    nonempty = end > start
    if not nonempty.all():
        base, start, end = base[nonempty], start[nonempty], end[nonempty]
    start += base
    end += base
    order = np.argsort(start, kind="stable")
    start, end = start[order], end[order]
    if len(start) == 0:
        return start, end
    reach = np.maximum.accumulate(end, out=end)
    new_block = np.empty(len(start), bool)
    new_block[0] = True
    np.greater(start[1:], reach[:-1], out=new_block[1:])
    heads = np.flatnonzero(new_block)
    block_end = np.append(heads[1:] - 1, len(start) - 1)
    return start[heads], reach[block_end]


def _inside_intervals(starts, ends, merged_starts, merged_ends) -> np.ndarray:
    """True where [start, end) lies inside one merged interval (empty ranges always do)."""
    block = np.searchsorted(merged_starts, starts, side="right") - 1
    safe = np.maximum(block, 0)
    found = (block >= 0) & (merged_ends[safe] >= ends) if len(merged_starts) else np.zeros(len(starts), bool)
    return found | (ends <= starts)


def _report_uncovered_aliases(article_id, text, pairs, covering, report) -> None:
    """The exact per-alias check for one article (the slow path, only where something failed)."""
    own = covering[covering["article_id"] == article_id]
    _report_uncovered(article_id, text, pairs, zip(own["start"].fillna(0).astype(int), own["end"].fillna(0).astype(int)), report)


def _report_uncovered(article_id, text, pairs, spans, report, starts_of=None) -> None:
    """`_report_uncovered_aliases` with the article's covering spans (start, end) given, and
    (`starts_of`: alias -> sorted code-point starts, None to scan) where the scan found each alias."""
    covered = _coverage_mask(len(text), spans)
    for entity_id, alias in pairs:
        found = starts_of(alias) if starts_of is not None else None
        pattern = alias_pattern(alias)
        for match in pattern.finditer(text) if found is None else _matches_at(pattern, text, found):
            if not all(covered[match.start():match.end()]):
                report.add("articles", "alias-not-covered", f"alias {alias!r} of {entity_id} at {match.start()}-{match.end()} is neither a mention nor an exclusion", article_id, "text",
                           text[match.start():match.end()], value_of=f"text[{match.start()}:{match.end()}]")  # the article's row (attack50)


def _matches_at(pattern: re.Pattern, text: str, starts: list[int]):
    """What `pattern.finditer(text)` yields, given every start where it can match (ascending): an
    alias's expression matches one length (its spaces one character each), so finditer takes
    each match that starts at or after the end of the one before."""
    reach = 0
    for start in starts:
        if start < reach:
            continue
        match = pattern.match(text, start)  # the look-behind sees the text before `start`
        if match is not None:
            reach = match.end()
            yield match


class _Candidates:
    """Where the fast scan found each alias in the suspect articles: the starts of every occurrence
    (covered or not) of any of its spellings, for `_matches_at`; None for an alias with too many
    spellings to scan in an article holding a non-ASCII space (the plain scan decides there)."""

    def __init__(self, spelt: dict[str, list[str]], distinct: list[str], numbers: np.ndarray, pattern: np.ndarray,
                 starts: np.ndarray, suspects: list[int], unlisted: set[str], spaced: set[int]):
        keep = np.isin(numbers, np.asarray(suspects, np.int64))
        number, index, start = numbers[keep], pattern[keep], starts[keep]
        order = np.lexsort((start, index, number))
        number, index, start = number[order], index[order], start[order]
        heads = np.flatnonzero(np.r_[True, (number[1:] != number[:-1]) | (index[1:] != index[:-1])]) if len(number) else np.zeros(0, np.int64)
        bounds = np.append(heads, len(number))
        self._runs = {(int(number[h]), int(index[h])): (int(h), int(e)) for h, e in zip(bounds[:-1], bounds[1:])}
        self._start = start
        number_of = {spelling: i for i, spelling in enumerate(distinct)}
        self._spellings = {alias: [number_of[v] for v in variants if v in number_of] for alias, variants in spelt.items()}
        self._unlisted, self._spaced = unlisted, spaced

    def of_article(self, number: int):
        def starts_of(alias: str) -> list[int] | None:
            if not isinstance(alias, str) or (alias in self._unlisted and number in self._spaced) or alias not in self._spellings:
                return None
            runs = [run for run in map(self._runs.get, [(number, i) for i in self._spellings[alias]]) if run is not None]
            if len(runs) == 1:
                return self._start[runs[0][0]:runs[0][1]].tolist()
            return sorted(s for head, end in runs for s in self._start[head:end].tolist())
        return starts_of


SPACE_SEPARATORS = " \u00a0\u1680" + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u202f\u205f\u3000"
"""Every Unicode space separator (category Zs): U+0020, U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F, U+3000.
Written out, not derived: scanning all 1.1 M code points at import cost every command 0.15 CPU-s
(tests/test_build_speed.py checks it against unicodedata)."""
_ANY_SPACE = "[" + re.escape(SPACE_SEPARATORS) + "]"


@functools.lru_cache(maxsize=4096)
def alias_pattern(alias: str) -> re.Pattern:
    """Whole-word occurrences of `alias`; each space in it matches any space separator (M6)."""
    return re.compile(r"(?<!\w)" + _ANY_SPACE.join(re.escape(part) for part in alias.split(" ")) + r"(?!\w)")


def alias_scan(tables: dict[str, pd.DataFrame], spellings: list[str]):
    """(article number, index into sorted(set(spellings)), start, end) of every whole-word
    occurrence; one scan per validate run for the checks that ask for the same spellings."""
    distinct = tuple(sorted(set(spellings)))  # "" kept: the numbers are into this
    return _shared(tables, ("alias-scan", distinct), lambda: alias_occurrences_by_alias(article_texts(tables), list(distinct)))


def corpus_separators(tables: dict[str, pd.DataFrame], texts: ArticleTexts) -> list[str]:
    """The non-ASCII space separators that occur in the articles (computed once per run)."""
    return _shared(tables, ("separators",), lambda: separators_present(texts, SPACE_SEPARATORS))


def alias_spellings(aliases: list[str], texts: ArticleTexts,
                    tables: dict[str, pd.DataFrame] | None = None) -> tuple[dict[str, list[str]], list[str]]:
    """Each alias's spellings with the corpus's non-ASCII space separators (itself alone when it has
    too many to list), and the aliases that had too many (M6)."""
    if not any(isinstance(a, str) and " " in a for a in aliases):
        present = []
    else:
        present = corpus_separators(tables, texts) if tables is not None else separators_present(texts, SPACE_SEPARATORS)
    spelt, unlisted = {}, []
    for alias in aliases:
        if alias in spelt:
            continue
        variants = spaced_variants(alias, present) if present and " " in alias else [alias]
        if variants is None:
            unlisted.append(alias)
            variants = [alias]
        spelt[alias] = variants
    return spelt, unlisted


def articles_with_unicode_spaces(texts: ArticleTexts) -> np.ndarray:
    """Numbers of the articles whose text holds a space separator other than U+0020."""
    data = texts.data()
    if len(data) == 0:
        return np.zeros(0, np.int64)
    automaton = ahocorasick_rs.BytesAhoCorasick([c.encode() for c in SPACE_SEPARATORS if c != " "])
    hits = automaton.find_matches_as_indexes(data, overlapping=True)
    starts = np.fromiter((h[1] for h in hits), dtype=np.int64, count=len(hits))
    starts = starts[(starts >= texts.byte_starts[0]) & (starts < texts.byte_starts[-1])]
    return np.unique(texts.article_of(starts)) if len(starts) else np.zeros(0, np.int64)


def _coverage_mask(length: int, spans: list[tuple[int, int]]) -> bytearray:
    mask = bytearray(length)
    for start, end in spans:
        mask[max(0, start):max(0, min(end, length))] = b"\x01" * max(0, min(end, length) - max(0, start))
    return mask
