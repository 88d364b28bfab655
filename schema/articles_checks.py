"""Cross checks of the articles table (beside schema/articles.py): quality columns agree with
their evidence rows and segments (AQ1, AQ2), titles with headlines (the AQ2 and title rules themselves are in article_rules.py).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.article_rules import BOILERPLATE_KINDS, FACTUAL_SLIPS, MAJOR_FLAGS, quality_label_for  # noqa: F401 (AQ2, re-exported)
from landstrikes.schema.checkcorpus import (
    article_codes,
    gather,
    distinct_ints,
    LazyFrame,
    _article_numbers,
    _rows,
    arrow_column,
    article_texts,
    column,
    frame_ints,
    frame_nulls,
    frame_of,
    frame_strings,
    is_in,
    no_nulls,
    nulls_at,
    pandas_on_demand as pd,
    shared_codes,
)
from landstrikes.schema.labels import QUALITY_FLAGS
from landstrikes.schema.report import Report
from landstrikes.schema.spantext import ArticleTexts


def check_article_quality(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Article quality columns are what their evidence rows and segments say (AQ1, AQ2)."""
    articles, flags, segments = (tables.get(n) for n in ("articles", "quality_flags", "segments"))
    if articles is None or flags is None:
        return
    if all(isinstance(t, LazyFrame) for t in (articles, flags, segments) if t is not None) and \
            _quality_sound_on_arrow(tables, articles, flags, segments):
        return
    articles, flags = frame_of(articles), frame_of(flags)
    segments = frame_of(segments) if segments is not None else None
    distinct = flags[["article_id", "flag"]].dropna().drop_duplicates().sort_values(["article_id", "flag"])
    suspects = _quality_suspects(tables, articles, flags, distinct)
    if suspects is not None and len(suspects) == 0:
        rows = []  # every article agrees with its evidence: no Python step per article
    elif suspects is not None:  # only the suspect articles, with their own evidence
        rows = suspects.tolist()
        distinct = distinct[distinct["article_id"].isin(articles["article_id"].iloc[rows].dropna().unique())]
    else:
        rows = range(len(articles))
    if rows:
        flag_sets = {a: list(f) for a, f in zip(*_grouped_lists(distinct["article_id"], distinct["flag"]))}
        flag_counts = flags.groupby(["article_id", "flag"]).size().to_dict()
    for row in rows:
        article_id, listed, label = (articles[c].iloc[row] for c in ("article_id", "quality_flags", "quality_label"))
        evidenced = flag_sets.get(article_id, [])
        if sorted(listed or []) != evidenced:
            report.add("articles", "quality-flags-mismatch", f"quality_flags must be {evidenced}", article_id, "quality_flags", listed)
        want = quality_label_for(evidenced, sum(flag_counts.get((article_id, f), 0) for f in FACTUAL_SLIPS))
        if label != want:
            report.add("articles", "quality-label-rule", f"rule AQ2 gives {want!r}", article_id, "quality_label", label)
    if segments is not None:
        check_titles(articles, segments, article_texts(tables), report)
        noise = _rows(segments, segments["kind"].isin(BOILERPLATE_KINDS), ["article_id", "start", "end"])
        lengths = (noise["end"] - noise["start"]).groupby(noise["article_id"]).sum()
        noise_chars = lengths.reindex(articles["article_id"].to_numpy()).fillna(0).to_numpy(dtype="float64")
        n_chars = articles["n_chars"].to_numpy(dtype="float64", na_value=np.nan)
        shares = articles["boilerplate_share"].to_numpy(dtype="float64", na_value=np.nan)
        with np.errstate(divide="ignore", invalid="ignore"):
            # rounding moves the ratio by at most 5e-7: rows closer than 4e-7 pass the 1e-6 test
            suspect = ~(np.abs(shares - noise_chars / n_chars) <= 4e-7)
        for row in np.flatnonzero(suspect).tolist():
            article_id, share = articles["article_id"].iloc[row], articles["boilerplate_share"].iloc[row]
            if not n_chars[row] > 0:  # a null or non-positive n_chars is the schema's finding, no share exists
                continue
            want = round(lengths.get(article_id, 0) / n_chars[row], 6)
            if abs(share - want) > 1e-6:
                report.add("articles", "boilerplate-share-mismatch", f"segments give {want}", article_id, "boilerplate_share", share)


def _quality_suspects(tables, articles: pd.DataFrame, flags: pd.DataFrame, distinct: pd.DataFrame) -> np.ndarray | None:
    """Rows of `articles` whose quality_flags or quality_label may disagree with the evidence,
    decided for every article at once. Each flag set is a bit mask over the distinct flag values,
    so `sorted(listed) == evidenced` (evidenced is sorted and distinct) is "the same mask and as
    many items"; the AQ2 label is `quality_label_for` once per distinct (mask, factual slips >= 2).
    The suspect rows then go through the plain per-article rules, which word the findings.
    None (every row is a suspect) when masks cannot say: a null list item, a value that is not
    a string, more distinct flag values than bits."""
    try:
        listed = arrow_column(tables, "articles", "quality_flags", pa.list_(pa.string()))
        items = pc.list_flatten(listed)
        evidence = pa.array(distinct["flag"].astype(object).tolist(), pa.string())
    except (pa.ArrowException, TypeError, ValueError):
        return None
    if items.null_count or evidence.null_count:
        return None
    values = pa.concat_arrays([evidence, items.cast(pa.string())]).to_numpy(zero_copy_only=False)
    codes, names = pd.factorize(pd.Series(values, dtype=object))
    if len(names) > 62:
        return None
    bits = np.left_shift(np.int64(1), codes.astype(np.int64))
    same_id = _article_numbers(articles, articles["article_id"])  # each row of an id: the id's last row
    owner = _article_numbers(articles, distinct["article_id"])
    by_last = np.zeros(len(articles) + 1, np.int64)  # the last slot collects ids of no article
    np.bitwise_or.at(by_last, np.where(owner >= 0, owner, len(articles)), bits[: len(distinct)])
    evidenced = np.where(same_id >= 0, by_last[np.maximum(same_id, 0)], 0)
    mask = np.zeros(len(articles), np.int64)
    np.bitwise_or.at(mask, pc.list_parent_indices(listed).to_numpy(zero_copy_only=False), bits[len(distinct):])
    count = pc.fill_null(pc.list_value_length(listed), 0).to_numpy(zero_copy_only=False)
    n_evidenced = sum((evidenced >> bit) & 1 for bit in range(len(names))) if len(names) else np.zeros(len(articles), np.int64)
    flags_differ = (mask != evidenced) | (count != n_evidenced)
    slipped = flags["flag"].isin(FACTUAL_SLIPS).to_numpy(dtype=bool) & flags["article_id"].notna().to_numpy()
    slip_owner = _article_numbers(articles, flags["article_id"][slipped])
    slips = np.bincount(slip_owner[slip_owner >= 0], minlength=len(articles) + 1)
    many = np.where(same_id >= 0, slips[np.maximum(same_id, 0)], 0) >= 2
    wants = np.empty(len(articles), dtype=object)
    for m, two in set(zip(evidenced.tolist(), many.tolist())):
        wants[(evidenced == m) & (many == two)] = quality_label_for(sorted(str(n) for bit, n in enumerate(names) if (m >> bit) & 1), 2 if two else 0)
    labels = articles["quality_label"].to_numpy(dtype=object, na_value=None)
    label_differs = np.asarray(labels != wants, dtype=bool)
    return np.flatnonzero(flags_differ | label_differs)


def _grouped_lists(keys: pd.Series, values: pd.Series):
    """Keys sorted already: each distinct key with the list of its values, without a Python step per row."""
    keys, values = keys.to_numpy(dtype=object), values.to_numpy(dtype=object)
    if len(keys) == 0:
        return [], []
    starts = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
    return keys[starts], np.split(values, starts[1:])


def check_titles(articles: pd.DataFrame, segments: pd.DataFrame, texts: ArticleTexts, report: Report) -> None:
    """`title` is the first headline segment, stripped, or null when there is none."""
    heads = _rows(segments, segments["kind"] == "headline", ["article_id", "start", "end"]).sort_values("start").drop_duplicates("article_id")
    number = _article_numbers(articles, heads["article_id"])
    start = heads["start"].to_numpy(dtype=np.int64, na_value=0)
    end = heads["end"].to_numpy(dtype=np.int64, na_value=0)
    known = (number >= 0) & ~gather(articles["text"].isna().to_numpy(dtype=bool), number, True)
    number, start, end = number[known], start[known], end[known]
    wants = np.full(len(articles), None, dtype=object)
    plain = (start >= 0) & (end >= 0)  # Python's slice rules for what is in range; negative offsets read the text
    lengths = texts.lengths[number[plain]]
    first = np.minimum(start[plain], lengths)
    heads_text = texts.slices(number[plain], first, np.clip(end[plain], first, lengths)).to_pylist()
    wants[number[plain]] = [t.strip() for t in heads_text]
    text_column = articles["text"]
    for n, a, b in zip(number[~plain], start[~plain], end[~plain]):
        wants[n] = text_column.iloc[n][a:b].strip()
    # every row of an article id gets its first headline, as the dict lookup by id did; a row whose
    # id is null (Pandera's finding) has no segments to be judged by (-1 gave it the last row's
    # headline, session 28)
    own = _article_numbers(articles, articles["article_id"])
    wants = wants[own]
    titles = articles["title"].to_numpy(dtype=object, na_value=None)
    for article_id, want, have, known in zip(articles["article_id"], wants, titles, own >= 0):
        if known and have != want:
            report.add("articles", "title-not-headline", f"the first headline segment gives {want!r}", article_id, "title", have)


def _quality_sound_on_arrow(tables, articles, flags, segments) -> bool:
    """True when `check_article_quality` finds nothing (flags and AQ2 label, titles, boilerplate
    share), decided on Arrow and numpy; False (the frames decide and word the findings) where a
    null, an article id given twice, a negative offset or a tie between headlines meets a rule."""
    if not no_nulls(articles, "article_id") or pc.count_distinct(frame_strings(articles, "article_id")).as_py() != len(articles):
        return False
    return _flags_agree(articles, flags) and (segments is None or (
        _titles_agree(articles, segments, article_texts(tables)) and _shares_agree(articles, segments)))


def _flags_agree(articles, flags) -> bool:
    """quality_flags is the sorted set of the article's evidence flags; quality_label is AQ2's."""
    listed = column(articles.arrow, "quality_flags").cast(pa.list_(pa.string()))
    items = pc.list_flatten(listed)
    if items.null_count:
        return False
    evidence = np.flatnonzero(~frame_nulls(flags, "article_id") & ~frame_nulls(flags, "flag"))
    article, flag_article = article_codes((articles, None), (flags, None))
    item_code, flag_code = shared_codes(items, frame_strings(flags, "flag"))
    size = int(max(article.max(initial=-1), flag_article.max(initial=-1))) + 1
    row_of = np.full(size + 1, -1, np.int64)
    row_of[article] = np.arange(len(article))
    width = int(max(item_code.max(initial=-1), flag_code.max(initial=-1))) + 1
    if width > 62:  # (one bit per distinct flag value, as `_quality_suspects`)
        return False
    pairs = distinct_ints(flag_article[evidence] * width + flag_code[evidence])
    owner = row_of[pairs // width] if len(pairs) else np.zeros(0, np.int64)
    bit = np.left_shift(np.int64(1), np.arange(width, dtype=np.int64))
    evidenced = np.zeros(len(article) + 1, np.int64)
    np.bitwise_or.at(evidenced, np.where(owner >= 0, owner, len(article)), bit[pairs % width] if len(pairs) else np.zeros(0, np.int64))
    evidenced = evidenced[:-1]
    mask = np.zeros(len(article), np.int64)
    np.bitwise_or.at(mask, pc.list_parent_indices(listed).to_numpy(zero_copy_only=False), bit[item_code])
    count = pc.fill_null(pc.list_value_length(listed), 0).to_numpy(zero_copy_only=False)
    n_evidenced = sum((evidenced >> b) & 1 for b in range(width)) if width else np.zeros(len(article), np.int64)
    if np.any((mask != evidenced) | (count != n_evidenced)):
        return False
    slipped = evidence[is_in(flags, "flag", FACTUAL_SLIPS)[evidence]]
    slip_owner = row_of[flag_article[slipped]] if len(slipped) else np.zeros(0, np.int64)
    many = np.bincount(slip_owner[slip_owner >= 0], minlength=len(article)) >= 2
    code_name = {}
    for code, value in zip(np.concatenate([item_code, flag_code[evidence]]).tolist(),
                           pa.concat_arrays([items.cast(pa.large_string()), frame_strings(flags, "flag").take(evidence)]).to_pylist()):
        code_name[code] = value
    labels = frame_strings(articles, "quality_label").to_pylist()
    wanted = {}
    for row, (m, two) in enumerate(zip(evidenced.tolist(), many.tolist())):
        if (m, two) not in wanted:
            wanted[(m, two)] = quality_label_for(sorted(code_name[b] for b in range(width) if (m >> b) & 1), 2 if two else 0)
        if labels[row] != wanted[(m, two)]:
            return False
    return True


def _titles_agree(articles, segments, texts: ArticleTexts) -> bool:
    """`title` is each article's first headline segment, stripped (None without one)."""
    heads = np.flatnonzero(is_in(segments, "kind", ["headline"]))
    if any(nulls_at(segments, c, heads) for c in ("article_id", "start", "end")) or frame_nulls(articles, "text").any():
        return False
    article, head_article = article_codes((articles, None), (segments, heads))
    start, end = frame_ints(segments, "start")[heads], frame_ints(segments, "end")[heads]
    if np.any(start < 0) or np.any(end < 0):
        return False
    row_of = np.full(int(max(article.max(initial=-1), head_article.max(initial=-1))) + 2, -1, np.int64)
    row_of[article] = np.arange(len(article))
    number = row_of[head_article]
    order = np.lexsort((start, number))
    first = order[np.r_[True, number[order][1:] != number[order][:-1]]] if len(order) else order
    if len(order) > 1 and np.any((number[order][1:] == number[order][:-1]) & (start[order][1:] == start[order][:-1])):
        return False  # two headlines at one start: which one pandas' sort puts first is not defined
    first = first[number[first] >= 0]
    wants = [None] * len(article)
    if len(first):
        rows = number[first]
        lengths = texts.lengths[rows]
        begin = np.minimum(start[first], lengths)
        for row, text in zip(rows.tolist(), texts.slices(rows, begin, np.clip(end[first], begin, lengths)).to_pylist()):
            wants[row] = text.strip()
    return wants == frame_strings(articles, "title").to_pylist()


def _shares_agree(articles, segments) -> bool:
    """boilerplate_share is the boilerplate blocks' share of the article's characters (within 4e-7)."""
    noise = np.flatnonzero(is_in(segments, "kind", BOILERPLATE_KINDS))
    if any(nulls_at(segments, c, noise) for c in ("article_id", "start", "end")):
        return False
    article, noise_article = article_codes((articles, None), (segments, noise))
    size = int(max(article.max(initial=-1), noise_article.max(initial=-1))) + 1
    lengths = (frame_ints(segments, "end") - frame_ints(segments, "start"))[noise]
    per_article = np.zeros(size, np.int64)
    np.add.at(per_article, noise_article, lengths)
    noise_chars = per_article[article].astype("float64") if len(article) else np.zeros(0)
    n_chars, shares = (column(articles.arrow, c).cast(pa.float64(), safe=False).to_numpy(zero_copy_only=False) for c in ("n_chars", "boilerplate_share"))
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = noise_chars / n_chars
        near = np.abs(shares - ratio) <= 4e-7
    # A share is its ratio rounded to 6 places, up to 5e-7 from it: rows between 4e-7 and 5e-7 (a fifth
    # of the articles with boilerplate) are decided as the frames decide them (`round` of a numpy double,
    # compared within 1e-6), so a corpus of thousands of articles does not fall back to the frames
    # (pandas, the texts copied) for them; any other row still does.
    band = np.flatnonzero(~near & (n_chars > 0) & (np.abs(shares - ratio) <= 6e-7))
    if np.count_nonzero(~near) != len(band) or len(band) > 100_000:
        return False
    return all(abs(shares[row] - round(noise_chars[row] / n_chars[row], 6)) <= 1e-6 for row in band.tolist())
