"""Checks that need more than one table or the article text (Pandera has no multi-table API).

Each check is vectorised or a single pass per article, so cost grows linearly with rows.
Every failure is a Finding with a stable check id (see `CHECK_IDS` in README).
"""

from __future__ import annotations

import re
from collections import defaultdict

import pandas as pd

from landstrikes.quotemarks import scan_quote_marks
from landstrikes.schema.labels import QUALITY_FLAGS
from landstrikes.schema.registry import TABLES_BY_NAME
from landstrikes.schema.report import Report

# (table, column, referenced table, referenced column); null values are allowed where the
# column is nullable, list columns are checked element-wise.
FOREIGN_KEYS = (
    ("mentions", "article_id", "articles", "article_id"),
    ("mentions", "entity_id", "entities", "entity_id"),
    ("mention_exclusions", "article_id", "articles", "article_id"),
    ("mention_exclusions", "entity_id", "entities", "entity_id"),
    ("quotes", "article_id", "articles", "article_id"),
    ("quotes", "speaker_id", "entities", "entity_id"),
    ("quotes", "speaker_mention_id", "mentions", "mention_id"),
    ("quotes", "parent_quote_id", "quotes", "quote_id"),
    ("claims", "article_id", "articles", "article_id"),
    ("claims", "claimant_id", "entities", "entity_id"),
    ("claims", "contradicted_by", "claims", "claim_id"),
    ("stances", "article_id", "articles", "article_id"),
    ("stances", "holder_id", "entities", "entity_id"),
    ("stances", "target_id", "stance_targets", "target_id"),
    ("segments", "article_id", "articles", "article_id"),
    ("quality_flags", "article_id", "articles", "article_id"),
)

# Id layout per table: how the id is derived from the row (STYLE rule 7: ids from content).
ID_CODES = {"mentions": "m", "mention_exclusions": "x", "quotes": "q", "claims": "c", "segments": "g"}


def _ids(df: pd.DataFrame, table: str) -> pd.Series:
    return df[TABLES_BY_NAME[table].id_column].astype(str)


def check_foreign_keys(tables: dict[str, pd.DataFrame], report: Report) -> None:
    for table, column, ref_table, ref_column in FOREIGN_KEYS:
        if table not in tables or ref_table not in tables:
            continue
        df = tables[table]
        known = set(tables[ref_table][ref_column].dropna().astype(str))
        ids = _ids(df, table)
        values = df[column]
        if TABLES_BY_NAME[table].column(column).type == "string_list":
            for row_id, items in zip(ids, values):
                for item in items or []:
                    if item not in known:
                        report.add(table, "dangling-foreign-key", f"{column} item {item!r} is not a {ref_table}.{ref_column}", row_id, column, item)
            continue
        present = values.notna()
        missing = present & ~values.astype("str").isin(known)
        for row_id, value in zip(ids[missing], values[missing]):
            report.add(table, "dangling-foreign-key", f"{column} {value!r} is not a {ref_table}.{ref_column}", row_id, column, value)


def check_spans(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Every span lies inside its article and its text equals the article slice (G1)."""
    articles = tables.get("articles")
    if articles is None:
        return
    texts = dict(zip(articles["article_id"], articles["text"]))
    for name, df in tables.items():
        spec = TABLES_BY_NAME[name]
        if not spec.span_columns or "article_id" not in df:
            continue
        ids = _ids(df, name)
        for start_col, end_col, text_col in spec.span_columns:
            starts, ends, span_texts = df[start_col], df[end_col], df[text_col]
            null_count = starts.isna().astype(int) + ends.isna().astype(int) + span_texts.isna().astype(int)
            for row_id in ids[(null_count > 0) & (null_count < 3)]:
                report.add(name, "span-partially-null", f"{start_col}/{end_col}/{text_col} must be all null or all set", row_id, start_col)
            full = null_count == 0
            for row_id, article_id, start, end, text in zip(ids[full], df["article_id"][full], starts[full], ends[full], span_texts[full]):
                article_text = texts.get(article_id)
                if article_text is None:
                    continue  # reported as a dangling foreign key
                start, end = int(start), int(end)
                if start > end:
                    report.add(name, "span-start-after-end", f"{start_col} {start} > {end_col} {end}", row_id, start_col, start)
                elif end > len(article_text):
                    report.add(name, "span-out-of-range", f"{end_col} {end} beyond article length {len(article_text)}", row_id, end_col, end)
                elif start < 0:
                    report.add(name, "span-out-of-range", f"{start_col} {start} is negative", row_id, start_col, start)
                elif article_text[start:end] != text:
                    report.add(name, "span-text-mismatch", f"{text_col} differs from article text[{start}:{end}] = {article_text[start:end]!r}", row_id, text_col, text)


def check_derived_ids(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Ids are derived from content (article, offsets, holder, target), never from row order."""
    for name, expected_id in DERIVED_IDS.items():
        df = tables.get(name)
        if df is None or df.empty:
            continue
        expected = expected_id(df)
        ids = _ids(df, name)
        for row_id, want in zip(ids[ids != expected], expected[ids != expected]):
            report.add(name, "id-not-derived", f"id should be {want!r}", row_id, TABLES_BY_NAME[name].id_column, row_id)


def _span_id(code: str):
    return lambda df: df["article_id"].astype(str) + f":{code}:" + df["start"].astype(str) + "-" + df["end"].astype(str)


DERIVED_IDS = {
    **{name: _span_id(code) for name, code in ID_CODES.items()},
    "stances": lambda df: df["article_id"].astype(str) + ":s:" + df["holder_id"].fillna("article").astype(str) + ":" + df["target_id"].astype(str),
    "quality_flags": lambda df: df["article_id"].astype(str) + ":f:" + df["flag"].astype(str) + ":" + df["start"].astype(str) + "-" + df["end"].astype(str),
}


def check_quotes(tables: dict[str, pd.DataFrame], report: Report) -> None:
    quotes, mentions = tables.get("quotes"), tables.get("mentions")
    if quotes is None:
        return
    ids = quotes["quote_id"].astype(str)
    needs_mention = quotes["speaker_status"] == "attributed"
    needs_speaker = quotes["speaker_status"].isin(["attributed", "implicit"])
    rules = (
        (needs_speaker & quotes["speaker_id"].isna(), "speaker_id", "speaker_status requires a speaker_id"),
        (~needs_speaker & quotes["speaker_id"].notna(), "speaker_id", "speaker_status says there is no single speaker"),
        (needs_mention & quotes["speaker_mention_id"].isna(), "speaker_mention_id", "attributed quote needs its speaker mention"),
        (~needs_mention & quotes["speaker_mention_id"].notna(), "speaker_mention_id", "only attributed quotes have a speaker mention"),
    )
    for mask, column, message in rules:
        for row_id, value in zip(ids[mask], quotes[column][mask]):
            report.add("quotes", "speaker-status-inconsistent", message, row_id, column, value)
    if mentions is not None:
        # duplicate mention ids are reported by Pandera; keep one so this check still runs
        by_id = mentions.drop_duplicates("mention_id").set_index("mention_id")[["article_id", "entity_id"]]
        linked = quotes[quotes["speaker_mention_id"].notna() & quotes["speaker_mention_id"].isin(by_id.index)]
        target = by_id.loc[linked["speaker_mention_id"]]
        bad = (target["article_id"].to_numpy() != linked["article_id"].to_numpy()) | (
            target["entity_id"].to_numpy() != linked["speaker_id"].astype(str).to_numpy()
        )
        for row_id, value in zip(linked["quote_id"][bad], linked["speaker_mention_id"][bad]):
            report.add("quotes", "speaker-mention-mismatch", "speaker mention must be a mention of the speaker in the same article", row_id, "speaker_mention_id", value)
    spans = quotes.set_index("quote_id")[["article_id", "start", "end"]]
    nested = quotes[quotes["parent_quote_id"].notna() & quotes["parent_quote_id"].isin(spans.index)]
    for row in nested.itertuples(index=False):
        parent = spans.loc[row.parent_quote_id]
        inside = parent["article_id"] == row.article_id and parent["start"] <= row.start and row.end <= parent["end"]
        if not inside or row.parent_quote_id == row.quote_id:
            report.add("quotes", "parent-quote-not-enclosing", "parent quote must enclose the nested quote in the same article", row.quote_id, "parent_quote_id", row.parent_quote_id)


def check_quote_mark_coverage(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Every mark pair and stray mark is exactly one quote row (Q2): a missing quote fails."""
    articles, quotes = tables.get("articles"), tables.get("quotes")
    if articles is None or quotes is None:
        return
    marked = quotes[quotes["kind"].isin(["direct", "partial", "scare"])]
    orphans = quotes[quotes["kind"] == "orphan"]
    marked_by_article = _spans_by_article(marked)
    orphans_by_article = _spans_by_article(orphans)
    for article_id, text in zip(articles["article_id"], articles["text"]):
        pairs, strays = scan_quote_marks(text)
        rows = marked_by_article.get(article_id, {})
        expected = {(p.open + 1, p.close) for p in pairs}
        for span in sorted(expected):
            count = len(rows.get(span, []))
            if count != 1:
                report.add("quotes", "quote-mark-coverage", f"quotation marks at {span[0] - 1}..{span[1]} are covered by {count} quote rows, expected 1", article_id, "start", text[span[0]:span[1]])
        for span, qids in sorted(rows.items()):
            if span not in expected:
                for qid in qids:
                    report.add("quotes", "quote-without-marks", "direct/partial/scare quote must be exactly the text between a pair of quotation marks", qid, "start", span)
        orphan_rows = orphans_by_article.get(article_id, {})
        claimed = set()
        for stray in strays:
            hits = [s for s in orphan_rows if (s[0] == stray.position + 1 if stray.opens else s[1] == stray.position)]
            claimed.update(hits)
            if len(hits) != 1:
                report.add("quotes", "quote-mark-coverage", f"unmatched quotation mark at {stray.position} is covered by {len(hits)} orphan rows, expected 1", article_id, "start", text[max(0, stray.position - 20):stray.position + 1])
        for span, qids in orphan_rows.items():
            if span not in claimed:
                for qid in qids:
                    report.add("quotes", "orphan-without-stray-mark", "orphan quote must touch an unmatched quotation mark", qid, "start", span)


def _spans_by_article(df: pd.DataFrame) -> dict[str, dict[tuple[int, int], list[str]]]:
    out: dict[str, dict[tuple[int, int], list[str]]] = defaultdict(lambda: defaultdict(list))
    for article_id, start, end, qid in zip(df["article_id"], df["start"], df["end"], df["quote_id"]):
        out[article_id][(int(start), int(end))].append(qid)
    return out


def check_alias_coverage(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Every whole-word alias occurrence is inside a mention or an exclusion (M2, M5)."""
    articles, entities, mentions = (tables.get(n) for n in ("articles", "entities", "mentions"))
    if articles is None or entities is None or mentions is None:
        return
    exclusions = tables.get("mention_exclusions")
    covering = [mentions] + ([exclusions] if exclusions is not None else [])
    intervals: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for df in covering:
        for article_id, start, end in zip(df["article_id"], df["start"], df["end"]):
            intervals[article_id].append((int(start), int(end)))
    for article_id, text in zip(articles["article_id"], articles["text"]):
        covered = _coverage_mask(len(text), intervals.get(article_id, []))
        for entity_id, aliases, source in zip(entities["entity_id"], entities["aliases"], entities["source"]):
            if source == "auto":
                continue  # M2 is an annotator's completeness promise; an extractor makes none
            for alias in aliases or []:
                for match in alias_pattern(alias).finditer(text):
                    if not all(covered[match.start():match.end()]):
                        report.add("mentions", "alias-not-covered", f"alias {alias!r} of {entity_id} at {match.start()}-{match.end()} is neither a mention nor an exclusion", article_id, "text", alias)


def alias_pattern(alias: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(alias) + r"(?!\w)")


def _coverage_mask(length: int, spans: list[tuple[int, int]]) -> bytearray:
    mask = bytearray(length)
    for start, end in spans:
        mask[max(0, start):max(0, min(end, length))] = b"\x01" * max(0, min(end, length) - max(0, start))
    return mask


def check_segments_partition(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Segments of an article tile [0, n_chars) with no gap and no overlap (SG1)."""
    articles, segments = tables.get("articles"), tables.get("segments")
    if articles is None or segments is None:
        return
    grouped = {k: g.sort_values("start") for k, g in segments.groupby("article_id", sort=True)}
    for article_id, n_chars in zip(articles["article_id"], articles["n_chars"]):
        group = grouped.get(article_id)
        if group is None:
            report.add("segments", "segments-not-partition", "article has no segments", article_id, "article_id", article_id)
            continue
        position = 0
        for seg_id, start, end in zip(group["segment_id"], group["start"], group["end"]):
            if start != position:
                kind = "gap" if start > position else "overlap"
                report.add("segments", "segments-not-partition", f"{kind} at {position}..{start}", seg_id, "start", start)
            position = max(position, int(end))
        if position != n_chars:
            report.add("segments", "segments-not-partition", f"segments end at {position}, article has {n_chars} chars", article_id, "end", position)


def check_claims(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Consistency labels agree with the contradiction links and the clusters (C7, C8)."""
    claims = tables.get("claims")
    if claims is None:
        return
    by_id = {cid: (a, c) for cid, a, c in zip(claims["claim_id"], claims["article_id"], claims["cluster_id"])}
    articles_in_cluster: dict[str, set[str]] = defaultdict(set)
    for article_id, cluster in zip(claims["article_id"], claims["cluster_id"]):
        articles_in_cluster[cluster].add(article_id)
    for cid, article_id, cluster, consistency, contradicted_by in zip(
        claims["claim_id"], claims["article_id"], claims["cluster_id"], claims["consistency"], claims["contradicted_by"]
    ):
        links = list(contradicted_by or [])
        if (consistency == "contradicted") != bool(links):
            report.add("claims", "consistency-link-mismatch", "contradicted claims, and only they, list contradicted_by", cid, "contradicted_by", links)
        for other in links:
            if other in by_id and (by_id[other][0] == article_id or by_id[other][1] != cluster):
                report.add("claims", "contradiction-not-cross-article", "contradicted_by must name a claim of the same cluster in another article", cid, "contradicted_by", other)
        others = articles_in_cluster[cluster] - {article_id}
        if consistency == "uncorroborated" and others:
            report.add("claims", "consistency-cluster-mismatch", f"cluster {cluster} also occurs in {sorted(others)}", cid, "consistency", consistency)
        if consistency == "corroborated" and not others:
            report.add("claims", "consistency-cluster-mismatch", f"no other article states cluster {cluster}", cid, "consistency", consistency)


def check_stances(tables: dict[str, pd.DataFrame], report: Report) -> None:
    stances = tables.get("stances")
    if stances is None:
        return
    voice = stances["holder_id"].isna()
    bad = voice != stances["fnc_label"].notna()
    for row_id, value in zip(stances["stance_id"][bad], stances["fnc_label"][bad]):
        report.add("stances", "fnc-label-placement", "fnc_label is set exactly on article-voice rows", row_id, "fnc_label", value)


def check_article_quality(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Article quality columns are what their evidence rows and segments say (AQ1, AQ2)."""
    articles, flags, segments = (tables.get(n) for n in ("articles", "quality_flags", "segments"))
    if articles is None or flags is None:
        return
    flag_sets = flags.groupby("article_id")["flag"].agg(lambda s: sorted(set(s))).to_dict()
    flag_counts = flags.groupby(["article_id", "flag"]).size().to_dict()
    for article_id, listed, label in zip(articles["article_id"], articles["quality_flags"], articles["quality_label"]):
        evidenced = flag_sets.get(article_id, [])
        if sorted(listed or []) != evidenced:
            report.add("articles", "quality-flags-mismatch", f"quality_flags must be {evidenced}", article_id, "quality_flags", listed)
        want = quality_label_for(evidenced, flag_counts.get((article_id, "factual_error"), 0))
        if label != want:
            report.add("articles", "quality-label-rule", f"rule AQ2 gives {want!r}", article_id, "quality_label", label)
    if segments is not None:
        noise = segments[segments["kind"].isin(BOILERPLATE_KINDS)]
        lengths = (noise["end"] - noise["start"]).groupby(noise["article_id"]).sum().to_dict()
        for article_id, n_chars, share in zip(articles["article_id"], articles["n_chars"], articles["boilerplate_share"]):
            want = round(lengths.get(article_id, 0) / n_chars, 6)
            if abs(share - want) > 1e-6:
                report.add("articles", "boilerplate-share-mismatch", f"segments give {want}", article_id, "boilerplate_share", share)


BOILERPLATE_KINDS = ("navigation", "prompt", "advertisement")
MAJOR_FLAGS = ("spun_text", "fabricated_content", "hypothetical_content")
assert set(MAJOR_FLAGS) <= set(QUALITY_FLAGS)


def quality_label_for(flags: list[str], factual_errors: int) -> str:
    """Guideline AQ2, the one implementation the builder and the check share."""
    if not flags:
        return "clean"
    if any(f in MAJOR_FLAGS for f in flags) or factual_errors >= 2:
        return "major_issues"
    return "minor_issues"


def check_provenance(tables: dict[str, pd.DataFrame], report: Report) -> None:
    """Gold rows carry no confidence; every auto row carries one (the extractor's score)."""
    for name, df in tables.items():
        bad = (df["source"] == "gold") == df["confidence"].notna()
        for row_id, source, confidence in zip(_ids(df, name)[bad], df["source"][bad], df["confidence"][bad]):
            report.add(name, "confidence-provenance-mismatch", f"{source} rows must {'not ' if source == 'gold' else ''}have a confidence", row_id, "confidence", confidence)


CROSS_CHECKS = (
    check_provenance,
    check_foreign_keys,
    check_spans,
    check_derived_ids,
    check_quotes,
    check_quote_mark_coverage,
    check_alias_coverage,
    check_segments_partition,
    check_claims,
    check_stances,
    check_article_quality,
)
