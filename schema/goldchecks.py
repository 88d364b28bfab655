"""Checks for the annotation slips the review of release 1.0.0 found (issue 16).

Each catches a class of error that the 1.0.0 checks let through: a build artefact in a value,
a catalogued variant no claim states, an entity whose name occurs with no mention, a quote
that differs from its cluster's wording with no misquotation evidence, a contradiction that
does not say which side the record supports, boilerplate evidence outside boilerplate blocks,
article-voice evidence that is somebody else's words, a vague quantity left unnormalised.
They need only the columns they read, so they also run on the tables of release 1.0.0.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import (
    article_codes,
    distinct_ints,
    _first_index_arrow,
    article_rows,
    strings_of,
    _isin,
    arrow_column,
    article_numbers,
    frame_ints,
    frame_nulls,
    frame_of,
    article_merge,
    frame_strings,
    is_in,
    LazyFrame,
    no_nulls,
    nulls_at,
    same_article_span_match,
    same_article_span_pairs,
    pandas_on_demand as pd,
    shared_codes,
)
from landstrikes.schema.crosschecks import (
    BOILERPLATE_KINDS,
    alias_pattern,
    alias_scan,
    article_texts,
    articles_with_unicode_spaces,
)
from landstrikes.schema.mentions_checks import alias_spellings
from landstrikes.schema.labels import RECORD_STATUSES
from landstrikes.schema.registry import TABLES_BY_NAME
from landstrikes.schema.report import NullId, Report, counted
from landstrikes.schema.quote_words import comparable, words
from landstrikes.schema.spankeys import exact_spans, member

RESERVED_PREFIX = "__"
"""Keys the YAML loader adds (`__line__`) and any other internal key start with this; no value may."""

ARTICLE_WORDS = {"articles": ("text", "title")}
"""Columns besides the span texts that hold the article's own words (the text, its headline)."""


def verbatim_columns(spec) -> set[str]:
    """Columns that copy the raw text verbatim: a span's text, the article text and its title. A
    news text may well hold `____` (a separator line), so these are the writer's words, not keys."""
    return {text for _, _, text in spec.span_columns} | set(ARTICLE_WORDS.get(spec.name, ()))


def annotation_strings(tables: dict[str, pd.DataFrame]):
    """Every string column that is not a verbatim copy of the raw text (`verbatim_columns`), as
    (table, frame, spec, column spec, values with list items flattened, the list array or None):
    the value rules that must not fire on the writer's own words walk these."""
    for name, df in tables.items():
        spec = TABLES_BY_NAME[name]
        verbatim = verbatim_columns(spec)
        for col in spec.columns:
            if col.type not in ("string", "string_list") or col.name not in df or col.name in verbatim:
                continue
            values = arrow_column(tables, name, col.name, col.arrow_type)
            lists = values if col.type == "string_list" else None
            yield name, df, spec, col, (pc.list_flatten(lists) if lists is not None else values), lists


def row_numbers(values: pa.Array, lists: pa.Array | None) -> np.ndarray:
    """The row each of `annotation_strings`' values came from."""
    return pc.list_parent_indices(lists).to_numpy(zero_copy_only=False) if lists is not None else np.arange(len(values))


def row_id(df: pd.DataFrame, spec, row: int) -> str:
    return df[spec.id_column].iloc[int(row)] if spec.id_column in df else NullId(f"#{row}")


def check_reserved_values(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """No string value of any table (list items included) is an internal key such as `__line__`;
    the raw text and its verbatim copies are exempt (`verbatim_columns`)."""
    for name, df, spec, col, values, lists in annotation_strings(tables):
        found = pc.starts_with(values, RESERVED_PREFIX)
        if not pc.any(found).as_py():  # the usual case: one kernel per column, nothing else
            continue
        hit = pc.fill_null(found, False).to_numpy(zero_copy_only=False)
        for row, value in zip(row_numbers(values, lists)[hit], values.filter(pa.array(hit)).to_pylist()):
            report.add(name, "reserved-key-in-value", f"{col.name} holds the internal key {value!r} (a loader artefact, never data)", row_id(df, spec, row), col.name, value,
                       value_of="an item" if lists is not None else "")


def check_variants_used(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Every catalogued variant of a cluster is stated by at least one claim (C7)."""
    claims, clusters = tables.get("claims"), tables.get("claim_clusters")
    if claims is None or clusters is None:
        return
    if isinstance(claims, LazyFrame) and isinstance(clusters, LazyFrame) and _variants_used_on_arrow(claims, clusters):
        return
    claims, clusters = frame_of(claims), frame_of(clusters)
    used = set(zip(claims["cluster_id"], claims["variant_id"].where(claims["variant_id"].notna(), None)))
    for cluster, variants in zip(clusters["cluster_id"], clusters["variant_ids"]):
        for variant in list(variants) if variants is not None else []:
            if (cluster, variant) not in used:
                report.add("claim_clusters", "variant-unused", f"variant {variant!r} is stated by no claim of {cluster}", cluster, "variant_ids", variant, value_of="an item")


def check_record_status(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Record status is given once per version of a proposition, and claims inherit it (C9b)."""
    claims, clusters = tables.get("claims"), tables.get("claim_clusters")
    if clusters is None or "record_status" not in clusters:
        return
    if isinstance(clusters, LazyFrame) and (claims is None or isinstance(claims, LazyFrame)) and _record_status_on_arrow(claims, clusters):
        return
    claims, clusters = frame_of(claims) if claims is not None else None, frame_of(clusters)
    status_of: dict[tuple[str, str | None], str] = {}
    for cluster, variants, status, statuses, notes, contradicted in zip(
        clusters["cluster_id"], clusters["variant_ids"], clusters["record_status"],
        clusters["variant_record_statuses"], clusters["variant_record_notes"], clusters["contradicted"],
    ):
        variants, statuses, notes = (list(x) if x is not None else [] for x in (variants, statuses, notes))
        has_status = isinstance(status, str)
        if bool(variants) == has_status:
            report.add("claim_clusters", "record-status-inconsistent", "record_status is set exactly on clusters without variants (C9b)", cluster, "record_status", status)
        if len(statuses) != len(variants) or len(notes) != len(variants):
            report.add("claim_clusters", "record-status-inconsistent", f"{counted(len(variants), 'variant')} need as many variant_record_statuses and notes", cluster, "variant_record_statuses", statuses)
            continue
        for variant, value in zip(variants, statuses):
            if value not in RECORD_STATUSES:
                report.add("claim_clusters", "record-status-inconsistent", f"variant {variant!r}: {value!r} is not one of {list(RECORD_STATUSES)}", cluster, "variant_record_statuses", value, value_of="an item")
            status_of[(cluster, variant)] = value
        if has_status:
            status_of[(cluster, None)] = status
        if pd.notna(contradicted) and bool(contradicted) and not any(s in ("matches", "contradicts") for s in statuses):
            report.add("claim_clusters", "contradiction-record-unknown", "a contradicted cluster says which variant the public record supports or contradicts (C9b)", cluster, "variant_record_statuses", statuses)
    if claims is None or "record_status" not in claims:
        return
    expected = pd.DataFrame(
        [(c, v if v is not None else "", s) for (c, v), s in status_of.items()], columns=["cluster_id", "_variant", "_want"]
    ).drop_duplicates(["cluster_id", "_variant"])
    rows = claims[["claim_id", "cluster_id", "variant_id", "record_status"]].assign(_variant=claims["variant_id"].fillna("").astype(str))
    rows = rows.merge(expected, on=["cluster_id", "_variant"])
    bad = rows["record_status"] != rows["_want"]
    for claim_id, want, status in zip(rows["claim_id"][bad], rows["_want"][bad], rows["record_status"][bad]):
        report.add("claims", "record-status-inconsistent", f"its cluster/variant gives {want!r}", claim_id, "record_status", status)


def check_fabricated_claims(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """A claim inside fabricated-content evidence is never said to match the record (C9b)."""
    claims, flags = tables.get("claims"), tables.get("quality_flags")
    if claims is None or flags is None or "record_status" not in claims:
        return
    if isinstance(claims, LazyFrame) and isinstance(flags, LazyFrame) and _no_fabricated_match_on_arrow(claims, flags):
        return
    claims, flags = frame_of(claims), frame_of(flags)
    fabricated = flags[flags["flag"] == "fabricated_content"][["article_id", "start", "end"]]
    # the merge on article_id less the pairs of known spans that do not overlap (attack30: it formed one article's every pair)
    matching = claims[claims["record_status"] == "matches"][["claim_id", "article_id", "start", "end"]]
    pairs = article_merge(matching.assign(_row=np.arange(len(matching))), fabricated,
                          "overlap", suffixes=("", "_flag"), first_only=True)  # a claim overlapping one is enough
    inside = (pairs["start"] < pairs["end_flag"]) & (pairs["start_flag"] < pairs["end"])
    # one finding per claim row (a null offset overlaps nothing): by id, two rows sharing one (a duplicate-id, in two
    # articles) were one finding in one folder and two under --engine with the articles in two tasks (attack31)
    for claim_id in pairs[inside.fillna(False).to_numpy(dtype=bool)].drop_duplicates("_row")["claim_id"]:
        report.add("claims", "fabricated-claim-matches-record", "a claim overlapping fabricated_content evidence cannot match the public record", claim_id, "record_status", "matches")


def _string_lists(df, name: str) -> pa.Array:
    from landstrikes.schema.checkcorpus import column

    return column(df.arrow, name).cast(pa.list_(pa.string()))


def _variants_used_on_arrow(claims, clusters) -> bool:
    """True when every catalogued variant is stated by some claim of its cluster (the rule above
    finds nothing); False where a null cluster id or variant item meets it."""
    lists = _string_lists(clusters, "variant_ids")
    items = pc.list_flatten(lists)
    if not len(items):
        return True
    if items.null_count or frame_strings(clusters, "cluster_id").null_count:
        return False
    claim_cluster, cluster = shared_codes(frame_strings(claims, "cluster_id"), frame_strings(clusters, "cluster_id"))
    claim_variant, variant = shared_codes(frame_strings(claims, "variant_id"), items)
    width = int(max(claim_variant.max(initial=-1), variant.max(initial=-1))) + 2
    of_cluster = cluster[pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)]
    used = (claim_cluster * width + claim_variant)[(claim_cluster >= 0) & (claim_variant >= 0)]
    return bool(np.all(np.isin(of_cluster * width + variant, used)))


def _record_status_on_arrow(claims, clusters) -> bool:
    """True when `check_record_status` finds nothing: its per-cluster rules as whole-column
    kernels over the clusters' lists (item counts, the items' labels, a contradicted cluster's
    matches/contradicts per row), the claims' inherited status in numpy; False where a null, a
    cluster id given twice or a variant listed twice in one cluster would
    meet pandas' own rules (the rule on frames then decides). An empty variant id is the key a
    claim without a variant looks up, as on frames."""
    columns = ("cluster_id", "variant_ids", "record_status", "variant_record_statuses", "variant_record_notes", "contradicted")
    if not all(c in clusters for c in columns):
        return False
    cluster_ids = frame_strings(clusters, "cluster_id")
    if cluster_ids.null_count or pc.count_distinct(cluster_ids).as_py() != len(cluster_ids):
        return False
    variants, statuses, notes = (_string_lists(clusters, c) for c in ("variant_ids", "variant_record_statuses", "variant_record_notes"))
    counts = [pc.fill_null(pc.list_value_length(lists), 0).to_numpy(zero_copy_only=False) for lists in (variants, statuses, notes)]
    has_status = ~frame_nulls(clusters, "record_status")
    if np.any((counts[0] > 0) == has_status) or np.any(counts[1] != counts[0]) or np.any(counts[2] != counts[0]):
        return False
    items, values = pc.list_flatten(variants), pc.list_flatten(statuses)
    if items.null_count or not _all_true(pc.is_in(values, value_set=pa.array(RECORD_STATUSES))):
        return False
    contradicted = pc.fill_null(clusters.arrow.column("contradicted"), False).to_numpy()
    if contradicted.any():
        settled = pc.fill_null(pc.is_in(values, value_set=pa.array(["matches", "contradicts"])), False).to_numpy(zero_copy_only=False)
        owner = pc.list_parent_indices(statuses).to_numpy(zero_copy_only=False)
        if np.any(contradicted & (np.bincount(owner[settled], minlength=len(contradicted)) == 0)):
            return False
    if claims is None or "record_status" not in claims:
        return True
    if frame_strings(claims, "record_status").null_count:
        return False
    # (cluster, variant) -> status: each variant of a cluster, and (cluster, "") for a cluster's own status
    with_status = pa.array(np.flatnonzero(has_status))
    want_cluster = pa.concat_arrays([cluster_ids.take(pc.list_parent_indices(variants)), cluster_ids.take(with_status)])
    want_variant = pa.concat_arrays([items.cast(pa.large_string()), pa.repeat(pa.scalar("", pa.large_string()), len(with_status))])
    wants = pa.concat_arrays([values.cast(pa.large_string()), frame_strings(clusters, "record_status").take(with_status)])
    cluster, key_cluster = shared_codes(frame_strings(claims, "cluster_id"), want_cluster)
    variant, key_variant = shared_codes(pc.fill_null(frame_strings(claims, "variant_id"), ""), want_variant)
    width = int(max(variant.max(initial=-1), key_variant.max(initial=-1))) + 2
    claim_key, want_key = cluster * width + variant, key_cluster * width + key_variant
    if len(distinct_ints(want_key)) < len(want_key):
        return False  # a variant listed twice: the rule on frames keeps its last status
    order = np.argsort(want_key)
    at = np.minimum(np.searchsorted(want_key[order], claim_key), max(len(want_key) - 1, 0))
    found = (cluster >= 0) & (want_key[order][at] == claim_key) if len(want_key) else np.zeros(len(claim_key), bool)
    if not found.any():
        return True
    have = frame_strings(claims, "record_status").filter(pa.array(found))
    return pc.all(pc.equal(have, wants.take(pa.array(order[at][found])))).as_py() is not False


def _all_true(mask: pa.Array) -> bool:
    """Every entry is true (a null is not)."""
    return pc.all(pc.fill_null(mask, False)).as_py() is not False


def _no_fabricated_match_on_arrow(claims, flags) -> bool:
    """True when no claim said to match the record overlaps fabricated_content evidence of its
    article (the rule above finds nothing); False where a null meets it."""
    matches = np.flatnonzero(is_in(claims, "record_status", ["matches"]))
    fabricated = np.flatnonzero(is_in(flags, "flag", ["fabricated_content"]))
    if not len(matches) or not len(fabricated):
        return True
    first = same_article_span_match(claims, matches, flags, fabricated, "overlap")
    if first is None:
        return False
    return not np.any(first >= 0)


def check_entities_mentioned(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """An entity whose name occurs in an article has a mention there; every entity has one somewhere (M6).

    A name occurrence counts when it is exactly a mention's span (of any entity: "Washington"
    the city is still a name of the alias's entity); one strictly inside a longer mention
    belongs to that name (M4), and one covered by nothing is `alias-not-covered`'s. One
    compiled scan finds the ASCII-spaced names; articles with other space separators are
    rescanned with the Unicode-space pattern. Occurrences, spans and (article, entity) pairs
    are matched as integer keys in numpy (no Python object per occurrence or mention).
    """
    articles, entities, mentions = (tables.get(n) for n in ("articles", "entities", "mentions"))
    if articles is None or entities is None or mentions is None:
        return
    on_arrow = all(isinstance(t, LazyFrame) for t in (articles, entities, mentions)) and \
        no_nulls(entities, "entity_id", *(("source",) if "source" in entities else ())) and no_nulls(mentions, "entity_id")
    if on_arrow:  # (a null id or source meets pandas' own NaN rules: the frames decide those)
        gold_ids, gold_aliases = _gold_entities_on_arrow(entities)
        named_ids = set(pc.unique(frame_strings(mentions, "entity_id")).to_pylist())
    else:
        articles, entities, mentions = frame_of(articles), frame_of(entities), frame_of(mentions)
        gold = entities[entities["source"] != "auto"] if "source" in entities else entities
        gold = gold[gold["entity_id"].notna()]  # a null id (Pandera's finding) names no entity to look for
        gold_ids, gold_aliases = gold["entity_id"].tolist(), gold["aliases"]
        named_ids = set(mentions["entity_id"].unique())
    for entity_id in sorted(set(gold_ids) - named_ids):
        report.add("entities", "entity-not-mentioned", "no article has a mention of this entity (M6)", entity_id, "entity_id", entity_id)
    owners: dict[str, list[str]] = {}
    for entity_id, aliases in zip(gold_ids, gold_aliases):
        for alias in aliases if aliases is not None else []:
            owners.setdefault(alias, []).append(entity_id)
    if not owners:
        return
    texts = article_texts(tables)
    spelt, unlisted = alias_spellings(sorted(owners), texts, tables)
    spelling_of: dict[str, str] = {}  # each spelling -> its alias (spaces may be any separator, M6)
    for alias in sorted(owners):
        for v in spelt[alias]:
            spelling_of.setdefault(v, alias)
    spellings = sorted(spelling_of)
    alias_names = sorted(owners)
    alias_number = {a: i for i, a in enumerate(alias_names)}
    number, index, start, end = alias_scan(tables, spellings)  # shared with alias coverage
    alias = np.array([alias_number[spelling_of[s]] for s in spellings], dtype=np.int64)[index] if len(index) else np.zeros(0, np.int64)
    if unlisted:  # too many spellings to list: those aliases are matched exactly where a separator occurs
        articles = frame_of(articles)
        spaced = [n for n in articles_with_unicode_spaces(texts).tolist() if isinstance(articles["text"].iloc[n], str)]
        extra = [(n, alias_number[a], m.start(), m.end()) for n in spaced for a in unlisted for m in alias_pattern(a).finditer(articles["text"].iloc[n])]
        if extra:
            more = np.array(extra, dtype=np.int64).reshape(-1, 4).T
            number, alias, start, end = (np.concatenate([x, y]) for x, y in zip((number, alias, start, end), more))
    # one article per article id (duplicated ids are one key, as the ids themselves would be)
    article_ids = strings_of(tables, "articles", "article_id")
    same_id = article_rows(article_ids, article_ids)
    article = same_id[number] if len(number) else np.zeros(0, np.int64)
    inside = article >= 0  # an article without a usable id has no mention to name an occurrence
    if not inside.all():  # (usually all are: then no copies)
        number, alias, start, end, article = (x[inside] for x in (number, alias, start, end, article))
    named = _exact_mention_spans(tables, texts, same_id, article, start, end)
    rows = np.flatnonzero(named)
    rows = rows[_first_of(article[rows], alias[rows])]  # one named occurrence per alias and article is enough
    # each row once per entity owning its alias, in catalogue order; then one row per (article, entity)
    entity_number = {e: i for i, e in reversed(list(enumerate(gold_ids)))}  # an id's first row
    owned = [[entity_number[e] for e in owners[a]] for a in alias_names]
    counts = np.array([len(o) for o in owned], dtype=np.int64)
    flat_owned = np.array([e for o in owned for e in o], dtype=np.int64)
    first_owner = np.concatenate([[0], np.cumsum(counts)[:-1]])
    per_row = counts[alias[rows]]
    rows = np.repeat(rows, per_row)
    step = np.arange(len(rows)) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    entity = flat_owned[first_owner[alias[rows]] + step] if len(rows) else np.zeros(0, np.int64)
    keep = _first_of(article[rows], entity)
    rows, entity = rows[keep], entity[keep]
    mention_article = article_numbers(tables, "mentions")
    mention_entity = _first_index_arrow(strings_of(tables, "mentions", "entity_id"), pa.array(gold_ids, pa.string()).cast(pa.large_string()))
    known = (mention_article >= 0) & (mention_entity >= 0)
    has = same_id[mention_article[known]] * len(gold_ids) + mention_entity[known]
    missing = ~member(article[rows] * len(gold_ids) + entity, has)
    for row, e in zip(rows[missing].tolist(), entity[missing].tolist()):
        a = alias_names[alias[row]]
        article_id = article_ids[int(number[row])].as_py()
        report.add("entities", "entity-not-mentioned", f"{a!r} occurs at {start[row]}-{end[row]} in {article_id}, which has no mention of this entity (M6)", gold_ids[e], "aliases", a, value_of="an item")


def _gold_entities_on_arrow(entities) -> tuple[list[str], list]:
    """The ids and alias lists of the entities an annotator catalogued (source not "auto")."""
    ids, aliases = frame_strings(entities, "entity_id"), _string_lists(entities, "aliases")
    if "source" in entities:
        gold = pc.not_equal(frame_strings(entities, "source"), "auto")
        ids, aliases = ids.filter(gold), aliases.filter(gold)
    return ids.to_pylist(), aliases.to_pylist()


def _first_of(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Positions of the first row of each distinct (first, second) pair of non-negative ints, in row order.

    Keys that fit a table of about the rows' size are first-seen in it; others are sorted stably
    (timsort: the keys come in runs, occurrences in text order article by article, which it
    sorts several times faster than np.unique's quicksort)."""
    if len(first) == 0:
        return np.zeros(0, np.int64)
    keys = first * (int(second.max()) + 1) + second
    if int(keys.max()) < 2 * len(keys) + _DENSE_KEYS:
        return _first_of_dense(keys)
    return _first_of_sorted(keys)


_DENSE_KEYS = 1 << 16
"""Keys below 2 x rows + this are first-seen in a table of one slot per key (no sort)."""


def _first_of_dense(keys: np.ndarray) -> np.ndarray:
    """`_first_of_sorted` for keys that index a table of about the rows' size: each key's first
    row is the least row that has it (one pass), and those rows in order are the answer
    (check_entities_mentioned at 10^5 quote rows: 450,000 occurrences, about 480,000 keys)."""
    first_row = np.full(int(keys.max()) + 1, len(keys), np.int64)
    np.minimum.at(first_row, keys, np.arange(len(keys), dtype=np.int64))
    return np.sort(first_row[first_row < len(keys)])


def _first_of_sorted(keys: np.ndarray) -> np.ndarray:
    """Positions of the first row of each distinct key, in row order, by a stable sort (the definition)."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.ones(len(keys), bool)
    starts[1:] = ordered[1:] != ordered[:-1]
    return np.sort(order[starts], kind="stable")


def _exact_mention_spans(tables, texts, same_id, article, start, end) -> np.ndarray:
    """True for each occurrence (article, start, end) that is exactly some mention's span
    (of an article with the same id), matched as one integer key per span."""
    if len(article) == 0:
        return np.zeros(0, bool)
    mentions = tables["mentions"]
    m_article = np.append(same_id, -1)[article_numbers(tables, "mentions")]  # no article (-1) stays -1
    return exact_spans(article, start, end, m_article, frame_ints(mentions, "start", -1), frame_ints(mentions, "end", -1))


# Words that carry no content of their own (Q15): a difference in them alone is wording, not misquotation.
_FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet if then than that this these those there here to of in on at by for with from
    into onto over under about as is are was were be been being am do does did done have has had having will would
    shall should can could may might must it its it's i i've i'm we we're we've we'll you he she they them their his
    her our us me my your not no yes what what's which who whom whose when where why how all any some such very
    just also too only""".split()
)
def content_differences(quoted: str, reference: str) -> list[str]:
    """Content words replaced, added or dropped inside `quoted` relative to `reference`.

    Leading and trailing omissions are a shortening (an excerpt), never a difference. A pair past
    `quote_words.MAX_WORD_PAIRS` is not compared (none found): the matcher is quadratic at worst.
    """
    q, r = words(quoted), words(reference)
    if not comparable(q, r):
        return []
    ops = SequenceMatcher(None, r, q, autojunk=False).get_opcodes()
    # drop the omissions before the quote's first word and after its last one
    while ops and ops[0][0] == "delete":
        ops = ops[1:]
    while ops and ops[-1][0] == "delete":
        ops = ops[:-1]
    changed = []
    for tag, i1, i2, j1, j2 in ops:
        if tag != "equal":
            changed += [w for w in r[i1:i2] + q[j1:j2] if w not in _FUNCTION_WORDS]
    return changed


def check_quote_cluster_wording(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """A quoted variant whose content words differ from its cluster's reference carries
    `misquotation` evidence overlapping it (Q15).

    The reference is the cluster's longest direct variant (else partial), as for
    `cluster_similarity`; words are compared once per distinct (text, reference) pair.
    Rows are chosen, ranked and joined as integer codes (no pandas sort or merge); only the
    distinct (text, reference) pairs become Python strings. A null where the definition
    would meet it goes to `_plain_quote_cluster_wording`, which reports exactly as before.
    """
    quotes, flags = tables.get("quotes"), tables.get("quality_flags")
    if quotes is None or flags is None:
        return
    if any(frame_nulls(quotes, c).any() for c in _WORDING_QUOTE_COLUMNS) or \
            any(frame_nulls(flags, c).any() for c in _WORDING_FLAG_COLUMNS):
        return _plain_quote_cluster_wording(frame_of(quotes), frame_of(flags), report)
    kind, cluster = frame_strings(quotes, "kind"), frame_strings(quotes, "cluster_id")
    marked = pc.fill_null(pc.is_in(kind, value_set=pa.array(["direct", "partial"], pa.large_string())), False)
    marked = np.flatnonzero(pc.and_(marked, pc.is_valid(cluster)).to_numpy(zero_copy_only=False))
    codes = pc.dictionary_encode(cluster.take(pa.array(marked, pa.int64()))).indices.to_numpy(zero_copy_only=False).astype(np.int64)
    shared = np.bincount(codes, minlength=1)[codes] >= 2 if len(codes) else np.zeros(0, bool)
    marked, codes = marked[shared], codes[shared]
    if not len(marked):
        return
    taken = pa.array(marked, pa.int64())
    quote_ids, texts = frame_strings(quotes, "quote_id").take(taken), frame_strings(quotes, "text").take(taken)
    # the reference: per cluster, direct first, then the longest text, then the greatest quote_id
    ranking = pa.table({"c": codes, "d": pc.equal(kind.take(taken), "direct"), "n": pc.utf8_length(texts), "q": quote_ids})
    order = pc.sort_indices(ranking, sort_keys=[("c", "ascending"), ("d", "descending"), ("n", "descending"), ("q", "descending")]).to_numpy()
    first = order[np.r_[True, codes[order][1:] != codes[order][:-1]]]
    ref_of_code = np.empty(codes.max() + 1, np.int64)
    ref_of_code[codes[first]] = first
    ref = ref_of_code[codes]
    others = np.flatnonzero(pc.not_equal(quote_ids, quote_ids.take(pa.array(ref))).to_numpy(zero_copy_only=False))
    if not len(others):
        return
    # content words compared once per distinct (text, reference text) pair
    text_codes = pc.dictionary_encode(texts).indices.to_numpy(zero_copy_only=False).astype(np.int64)
    pair_key = text_codes[others] * (int(text_codes.max()) + 1) + text_codes[ref[others]]
    _, first_of_pair, pair_of_row = np.unique(pair_key, return_index=True, return_inverse=True)
    text_of = texts.take(pa.array(others[first_of_pair])).to_pylist()
    ref_text_of = texts.take(pa.array(ref[others[first_of_pair]])).to_pylist()
    changed = [content_differences(t, r) for t, r in zip(text_of, ref_text_of)]
    rows = others[np.array([bool(c) for c in changed], dtype=bool)[pair_of_row]]  # positions in `marked`
    if not len(rows):
        return
    pair_of_row = pair_of_row[np.isin(others, rows)]
    covered = _misquotation_covered(quotes, flags, marked[rows])
    for row, pair, ok in zip(rows.tolist(), pair_of_row.tolist(), covered.tolist()):
        if not ok:
            row_id, text = quote_ids[row].as_py(), texts[row].as_py()
            words = sorted(set(changed[pair]))
            report.add("quotes", "misquotation-without-evidence", f"differs from {quote_ids[int(ref[row])].as_py()} in {words} and no misquotation flag covers it (Q15)", row_id, "text", text)


def _misquotation_covered(quotes: pd.DataFrame, flags: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """For each quote row, whether some `misquotation` flag of the same article overlaps it
    (a quote id covered once is covered on every row of that id, as the definition's set says)."""
    evidence = np.flatnonzero(pc.fill_null(pc.equal(frame_strings(flags, "flag"), "misquotation"), False).to_numpy(zero_copy_only=False))
    quote_ids = frame_strings(quotes, "quote_id").take(pa.array(rows, pa.int64()))
    if not len(evidence):
        return np.zeros(len(rows), bool)
    articles = pa.concat_arrays([frame_strings(quotes, "article_id").take(pa.array(rows, pa.int64())), frame_strings(flags, "article_id").take(pa.array(evidence))])
    article = pc.dictionary_encode(articles).indices.to_numpy(zero_copy_only=False).astype(np.int64)
    q_article, f_article = article[: len(rows)], article[len(rows):]
    q_start, q_end = (frame_ints(quotes, c)[rows] for c in ("start", "end"))
    f_start, f_end = (frame_ints(flags, c)[evidence] for c in ("start", "end"))
    by_article = np.argsort(f_article, kind="stable")
    low, high = np.searchsorted(f_article[by_article], q_article, "left"), np.searchsorted(f_article[by_article], q_article, "right")
    per_row = high - low
    pair_row = np.repeat(np.arange(len(rows)), per_row)
    pair_flag = by_article[np.arange(per_row.sum()) - np.repeat(np.cumsum(per_row) - per_row, per_row) + np.repeat(low, per_row)]
    overlap = (f_start[pair_flag] < q_end[pair_row]) & (q_start[pair_row] < f_end[pair_flag])
    covered_ids = pc.unique(quote_ids.take(pa.array(pair_row[overlap], pa.int64())))
    return pc.is_in(quote_ids, value_set=covered_ids).to_numpy(zero_copy_only=False)


_WORDING_QUOTE_COLUMNS = ("quote_id", "article_id", "start", "end", "text")
_WORDING_FLAG_COLUMNS = ("article_id", "start", "end")


def _plain_quote_cluster_wording(quotes: pd.DataFrame, flags: pd.DataFrame, report: Report) -> None:
    """The definition in pandas (Q15): what the fast form must report, and what runs where a
    column it reads holds a null. A row with a null there (Pandera's finding) is left out, as
    neither a variant nor a reference nor evidence: it crashed the check, which then judged no
    row at all (session 28)."""
    quotes = quotes.dropna(subset=list(_WORDING_QUOTE_COLUMNS))
    flags = flags.dropna(subset=list(_WORDING_FLAG_COLUMNS))
    marked = quotes.loc[quotes["kind"].isin(["direct", "partial"]), ["quote_id", "article_id", "start", "end", "kind", "text", "cluster_id"]]
    marked = marked[marked.groupby("cluster_id")["quote_id"].transform("size") >= 2]
    if marked.empty:
        return
    ranked = marked.assign(_direct=marked["kind"] == "direct", _length=marked["text"].str.len())
    ranked = ranked.sort_values(["cluster_id", "_direct", "_length", "quote_id"], ascending=[True, False, False, False])
    refs = ranked.drop_duplicates("cluster_id")[["cluster_id", "quote_id", "text"]].rename(columns={"quote_id": "ref_id", "text": "ref_text"})
    rows = marked.merge(refs, on="cluster_id")
    rows = rows[rows["quote_id"] != rows["ref_id"]]
    changed = {pair: content_differences(*pair) for pair in set(zip(rows["text"], rows["ref_text"]))}
    rows = rows[[bool(changed[pair]) for pair in zip(rows["text"], rows["ref_text"])]]
    if rows.empty:
        return
    evidence = flags.loc[flags["flag"] == "misquotation", ["article_id", "start", "end"]]
    pairs = article_merge(rows[["quote_id", "article_id", "start", "end"]], evidence, "overlap", suffixes=("", "_flag"), first_only=True)  # attack30
    covered = set(pairs["quote_id"][((pairs["start_flag"] < pairs["end"]) & (pairs["start"] < pairs["end_flag"])).to_numpy(dtype=bool)])
    for row in rows.itertuples():
        if row.quote_id not in covered:
            words = sorted(set(changed[(row.text, row.ref_text)]))
            report.add("quotes", "misquotation-without-evidence", f"differs from {row.ref_id} in {words} and no misquotation flag covers it (Q15)", row.quote_id, "text", row.text)


def check_boilerplate_placement(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """`boilerplate` evidence lies inside a navigation, prompt or advertisement block (AQ1);
    a cut-off word in the body is a `truncation_artifact`, not boilerplate."""
    flags, segments = tables.get("quality_flags"), tables.get("segments")
    if flags is None or segments is None:
        return
    if isinstance(flags, LazyFrame) and isinstance(segments, LazyFrame) and _evidence_inside_blocks_on_arrow(flags, segments):
        return
    flags, segments = frame_of(flags), frame_of(segments)
    evidence = flags[flags["flag"] == "boilerplate"][["flag_id", "article_id", "start", "end", "text"]]
    noise = segments[segments["kind"].isin(BOILERPLATE_KINDS)][["article_id", "start", "end"]]
    # the inner merge less the pairs of known spans not inside (attack30: the left merge formed one article's every pair);
    # a flag row it drops is not inside, as its rows of the left merge were not
    pairs = article_merge(evidence, noise, "inside", suffixes=("", "_seg"), first_only=True)
    pairs["inside"] = ((pairs["start_seg"] <= pairs["start"]) & (pairs["end"] <= pairs["end_seg"])).fillna(False).astype(bool)
    inside = pairs.groupby("flag_id")["inside"].any()
    # one lookup for every row (a null or unknown flag_id is not inside); Python only for failures
    ok = evidence["flag_id"].map(inside).eq(True).to_numpy(dtype=bool)
    for flag_id, text in zip(evidence["flag_id"][~ok], evidence["text"][~ok]):
        report.add("quality_flags", "boilerplate-outside-boilerplate-segment", "boilerplate evidence must lie in a navigation, prompt or advertisement segment", flag_id, "text", text)


def _evidence_inside_blocks_on_arrow(flags, segments) -> bool:
    """True when every boilerplate flag row lies inside a boilerplate block of its article (so
    every flag_id has such a row: the rule above finds nothing); False where a null meets it."""
    evidence = np.flatnonzero(is_in(flags, "flag", ["boilerplate"]))
    if not len(evidence):
        return True
    noise = np.flatnonzero(is_in(segments, "kind", BOILERPLATE_KINDS))
    first = None if nulls_at(flags, "flag_id", evidence) else same_article_span_match(flags, evidence, segments, noise, "inside")
    if first is None:
        return False
    return bool(np.all(first >= 0))


def check_voice_evidence(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """An article-voice stance does not rest on words the article attributes to others (S5):
    at most half of its evidence may be reported speech of a speaker or source.

    Nested quotes lie inside their parent, so only outermost quotes are counted; those do not
    overlap each other, so the summed overlaps are the covered length.
    """
    stances, quotes = tables.get("stances"), tables.get("quotes")
    if stances is None or quotes is None:
        return
    if isinstance(stances, LazyFrame) and isinstance(quotes, LazyFrame) and _voice_is_own_words_on_arrow(stances, quotes):
        return
    stances, quotes = frame_of(stances), frame_of(quotes)
    voice = stances["holder_kind"] == "article" if "holder_kind" in stances else stances["holder_id"].isna()
    reported = quotes.loc[
        quotes["kind"].isin(["direct", "partial", "indirect"])
        & quotes["speaker_status"].isin(["attributed", "implicit", "unnamed_source", "multiple"])
        & quotes["parent_quote_id"].isna(),
        ["article_id", "start", "end"],
    ]
    rows = stances.loc[voice.to_numpy(dtype=bool), ["stance_id", "article_id", "evidence_start", "evidence_end", "evidence_text"]]
    # the merge less the pairs of known spans that do not overlap, which add nothing covered (attack30)
    pairs = article_merge(rows, reported, "overlap", left_span=("evidence_start", "evidence_end"))
    overlap = (np.minimum(pairs["end"], pairs["evidence_end"]) - np.maximum(pairs["start"], pairs["evidence_start"])).clip(lower=0)
    covered = overlap.groupby(pairs["stance_id"]).sum()
    length = (rows["evidence_end"] - rows["evidence_start"]).to_numpy()
    share = covered.reindex(rows["stance_id"]).fillna(0).to_numpy()
    bad = (length > 0) & (share * 2 > length)
    for stance_id, text in zip(rows["stance_id"][bad], rows["evidence_text"][bad]):
        report.add("stances", "voice-evidence-attributed", "article-voice evidence is mostly words the article attributes to others (S5)", stance_id, "evidence_text", text)


REPORTED_KINDS = ("direct", "partial", "indirect")
REPORTED_STATUSES = ("attributed", "implicit", "unnamed_source", "multiple")


def _voice_is_own_words_on_arrow(stances, quotes) -> bool:
    """True when no article-voice stance has more than half its evidence in reported speech (the
    rule above finds nothing); False where a null, a duplicated stance id or no holder_kind meets it."""
    if "holder_kind" not in stances or frame_strings(stances, "holder_kind").null_count:
        return False
    voice = np.flatnonzero(is_in(stances, "holder_kind", ["article"]))
    if not len(voice):
        return True
    reported = np.flatnonzero(is_in(quotes, "kind", REPORTED_KINDS) & is_in(quotes, "speaker_status", REPORTED_STATUSES)
                              & frame_nulls(quotes, "parent_quote_id"))
    if nulls_at(stances, "stance_id", voice):
        return False
    pairs = same_article_span_pairs(stances, voice, quotes, reported, left_span=("evidence_start", "evidence_end"),
                                   relation="overlap")
    if pairs is None:
        return False
    ids = frame_strings(stances, "stance_id").take(voice)
    if pc.count_distinct(ids).as_py() != len(ids):
        return False
    overlap = np.clip(np.minimum(pairs.right_end, pairs.left_end) - np.maximum(pairs.right_start, pairs.left_start), 0, None)
    share = np.bincount(pairs.left, weights=overlap, minlength=len(voice)) if len(pairs.left) else np.zeros(len(voice))
    length = frame_ints(stances, "evidence_end")[voice] - frame_ints(stances, "evidence_start")[voice]
    return not np.any((length > 0) & (share * 2 > length))


VAGUE_QUANTITY = re.compile(r"\b(?:a few|several|dozens|scores|hundreds|thousands|millions)\b", re.IGNORECASE)
"""Vague magnitudes that rule C5 normalises (low-high, bound approximate)."""


def check_vague_quantities(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """A claim stating a vague magnitude ("dozens", "hundreds of thousands") has a normalised quantity (C5)."""
    claims = tables.get("claims")
    if claims is None:
        return
    # RE2 in Arrow: no Python step per claim
    found = pc.match_substring_regex(frame_strings(claims, "text"), VAGUE_QUANTITY.pattern, ignore_case=True)
    vague = pc.fill_null(found, False).to_numpy(zero_copy_only=False) & frame_nulls(claims, "quantity_low")
    if not vague.any():
        return
    claims = frame_of(claims)
    for claim_id, text in zip(claims["claim_id"][vague], claims["text"][vague]):
        report.add("claims", "vague-quantity-not-normalised", f"{VAGUE_QUANTITY.search(text).group()!r} needs quantity_low/high and bound approximate (C5)", claim_id, "quantity_low", text, value_of="its text")


def check_speakers(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """speaker_ids agrees with speaker_status (Q9): two or more for `multiple`, [speaker_id] for one speaker.

    Decided on Arrow for every row at once; only failing rows become Python values."""
    quotes = tables.get("quotes")
    if quotes is None or "speaker_ids" not in quotes:
        return
    lists = arrow_column(tables, "quotes", "speaker_ids", pa.list_(pa.string()))
    status = frame_strings(quotes, "speaker_status")
    count = pc.fill_null(pc.list_value_length(lists), 0).to_numpy(zero_copy_only=False)
    multiple = pc.fill_null(pc.equal(status, "multiple"), False).to_numpy(zero_copy_only=False)
    single = pc.fill_null(pc.is_in(status, value_set=pa.array(["attributed", "implicit"], pa.large_string())), False).to_numpy(zero_copy_only=False)
    # [speaker_id]: one item, equal to a speaker_id that is not null
    first = pc.list_element(pc.if_else(pc.greater(pc.list_value_length(lists), 0), lists, pa.scalar(None, lists.type)), 0)
    is_speaker = pc.fill_null(pc.equal(first, frame_strings(quotes, "speaker_id").cast(pa.string())), False).to_numpy(zero_copy_only=False)
    # two different items: some item differs from its list's first
    flat, parents = pc.list_flatten(lists), pc.list_parent_indices(lists).to_numpy(zero_copy_only=False)
    varied = np.zeros(len(lists), dtype=bool)
    if len(flat):
        offsets = lists.offsets.to_numpy(zero_copy_only=False).astype(np.int64)
        heads = pc.take(flat, pa.array(offsets[parents] - offsets[0]))
        varied[parents[pc.fill_null(pc.not_equal(flat, heads), False).to_numpy(zero_copy_only=False)]] = True
    ok = np.where(multiple, varied, np.where(single, (count == 1) & is_speaker, count == 0))
    bad = np.flatnonzero(~ok)
    if not len(bad):
        return
    taken = pa.array(bad, pa.int64())
    quotes = frame_of(quotes)
    speakers = quotes["speaker_id"].take(bad)
    entities = tables.get("entities")
    known = set(frame_of(entities)["entity_id"].dropna()) if entities is not None and "entity_id" in entities else None
    for quote_id, state, speaker, listed in zip(quotes["quote_id"].take(bad), quotes["speaker_status"].take(bad), speakers, lists.take(taken).to_pylist()):
        listed = listed or []
        # what the status expects, so that the line says what to write (newuser47: it said only "does not allow")
        if state == "multiple":
            expected = "must list two or more different speakers"
        elif state in ("attributed", "implicit"):
            if not isinstance(speaker, str):
                expected = "must be [speaker_id], and speaker_id is null"
            elif known is not None and speaker not in known:
                # a misspelt speaker_id: never tell the user to copy it into the list (newuser59)
                expected = (f"must be [speaker_id], and speaker_id {speaker!r} is no entity (its dangling-foreign-key "
                            "line): correct speaker_id, then the two agree")
            else:
                expected = f"must be [{speaker!r}] (its speaker_id)"
        else:
            expected = "must be empty (no speaker)"
        report.add("quotes", "speaker-ids-inconsistent", f"speaker_status {state!r}: speaker_ids {listed} {expected} (Q9)", quote_id, "speaker_ids", listed)


def check_speech_events(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """A quote's event_id is an EVENT entity mentioned in the quote's article (Q14)."""
    quotes, entities, mentions = (tables.get(n) for n in ("quotes", "entities", "mentions"))
    if quotes is None or entities is None or mentions is None or "event_id" not in quotes:
        return
    if all(isinstance(t, LazyFrame) for t in (quotes, entities, mentions)) and _events_sound_on_arrow(quotes, entities, mentions):
        return
    quotes, entities, mentions = frame_of(quotes), frame_of(entities), frame_of(mentions)
    rows = quotes.loc[quotes["event_id"].notna(), ["quote_id", "article_id", "event_id"]]
    # unknown ids are dangling foreign keys, reported there
    rows = rows.merge(entities[["entity_id", "type"]].drop_duplicates("entity_id"), left_on="event_id", right_on="entity_id")
    # only the mentions of an entity some quote names as its event can matter: filtered in Arrow
    # first, so the pairs are deduplicated over a few rows, not every mention
    of_events = _isin(mentions["entity_id"], rows["event_id"].unique())
    mentioned = mentions.loc[of_events, ["article_id", "entity_id"]].drop_duplicates().rename(columns={"entity_id": "event_id"}).assign(_mentioned=True)
    rows = rows.merge(mentioned, on=["article_id", "event_id"], how="left")
    bad = (rows["type"] != "EVENT") | rows["_mentioned"].isna()
    for quote_id, event in zip(rows["quote_id"][bad], rows["event_id"][bad]):
        report.add("quotes", "speech-event-invalid", "event_id must be an EVENT entity mentioned in the same article (Q14)", quote_id, "event_id", event)


def _events_sound_on_arrow(quotes, entities, mentions) -> bool:
    """True when every quote's known event_id is an EVENT entity mentioned in the quote's article
    (the rule above finds nothing); False where a null meets it."""
    rows = np.flatnonzero(~frame_nulls(quotes, "event_id"))
    if not len(rows):
        return True
    if nulls_at(quotes, "article_id", rows) or not no_nulls(mentions, "article_id", "entity_id") or not no_nulls(entities, "entity_id"):
        return False
    event, entity, mentioned = shared_codes(frame_strings(quotes, "event_id").take(rows), frame_strings(entities, "entity_id"), frame_strings(mentions, "entity_id"))
    quote_article, mention_article = article_codes((quotes, rows), (mentions, None))
    first = np.full(int(max(event.max(), entity.max(initial=-1), mentioned.max(initial=-1))) + 1, -1, np.int64)
    first[entity[::-1]] = np.arange(len(entity) - 1, -1, -1)  # each entity id's first row
    row_of = first[event]
    known = row_of >= 0  # unknown ids are dangling foreign keys, not this rule's
    is_event = pc.fill_null(pc.equal(frame_strings(entities, "type"), "EVENT"), False).to_numpy(zero_copy_only=False)
    if not np.all(is_event[row_of[known]]):
        return False
    width = len(first)
    return bool(np.all(np.isin(quote_article[known] * width + event[known], mention_article * width + mentioned)))


GOLD_CHECKS = (
    check_reserved_values,
    check_variants_used,
    check_record_status,
    check_fabricated_claims,
    check_entities_mentioned,
    check_quote_cluster_wording,
    check_boilerplate_placement,
    check_voice_evidence,
    check_vague_quantities,
    check_speakers,
    check_speech_events,
)
