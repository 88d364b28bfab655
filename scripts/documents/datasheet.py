"""The generated Markdown blocks of DATASHEET.md, README.md and the dataset card, from the stats dict.

Each renderer is pure: stats in, Markdown out. Block names are the contract with the documents
(`<!-- stats:NAME -->`); see landstrikes.documents.blocks for how they are replaced and checked.
"""

from __future__ import annotations

import re

from landstrikes.documents.claimspass_registry import CLAIMS_PASSES, CROSS_ARTICLE_PASSES
from landstrikes.schema.registry import TABLES, TABLES_BY_NAME
from landstrikes.schema.report import counted

EVIDENCE_WIDTH = 90
"""Longest evidence excerpt shown in a table cell; the offsets give the rest."""


# -- Markdown primitives ---------------------------------------------------------------------------


def cell(value) -> str:
    """A table cell: thousands separators for ints, Markdown-special characters escaped."""
    if isinstance(value, bool) or value is None:
        return "—" if value is None else str(value)
    if isinstance(value, int):
        return f"{value:,}"
    text = str(value).replace("\n", " ⏎ ")
    return re.sub(r"([\\|*_`<>\[\]])", r"\\\1", text)


def excerpt(text: str, width: int = EVIDENCE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


_NUMERIC = re.compile(r"^(?:-?[\d,]+(?:\.\d+)?%?|—|n/a)$")


def table(header: list[str], rows: list[list]) -> str:
    """A Markdown table; a column whose every cell is a number (or a dash) is right-aligned."""
    cells = [[c if isinstance(c, str) else cell(c) for c in row] for row in rows]
    numeric = [bool(cells) and all(_NUMERIC.match(row[i]) for row in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines)


def short(article_id: str) -> str:
    """'000_68b95635092649cd' -> '000': column headers stay narrow; the articles block has the full ids."""
    return article_id.split("_")[0]


def share(x: float) -> str:
    return f"{x:.1%}"


def num(x: float | None, digits: int = 3) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def span(ref: dict) -> str:
    return f"{short(ref['article_id'])} {ref['start']:,}–{ref['end']:,}"


# -- DATASHEET.md blocks ---------------------------------------------------------------------------


def articles_block(stats: dict) -> str:
    rows = [
        [
            f"`{a['article_id']}`",
            cell(excerpt(a["title"], 70)) if a["title"] else "(no headline)",
            a["n_chars"],
            a["n_words"],
            a["quality_label"],
            ", ".join(a["quality_flags"]) or "—",
            share(a["boilerplate_share"]),
        ]
        for a in stats["articles"]
    ]
    header = ["article", "title", "chars", "words", "quality", "flags", "boilerplate"]
    return table(header, rows)


def rows_block(stats: dict) -> str:
    ids = stats["article_ids"]
    rows = []
    for spec in TABLES:
        entry = stats["tables"][spec.name]
        per = entry.get("per_article")
        if spec.name == "articles":
            per = {a: 1 for a in ids}
        rows.append([f"`{spec.name}`", entry["rows"], *[per[a] if per else "—" for a in ids]])
    return table(["table", "rows", *map(short, ids)], rows) + (
        "\n\n`entities`, `claim_clusters` and `stance_targets` are catalogues shared by all articles."
    )


def labels_block(stats: dict) -> str:
    """One table per corpus table: every label of every label column, in total and per article."""
    ids = stats["article_ids"]
    parts = []
    for table_name, columns in stats["labels"].items():
        per_article = all("per_article" in dist for dist in columns.values())
        rows = []
        for column, dist in columns.items():
            for label, total in dist["total"].items():
                per = [dist["per_article"][a][label] for a in ids] if per_article else []
                rows.append([f"`{column}`", f"`{label}`", total, *per])
        header = ["column", "label", "total", *(map(short, ids) if per_article else [])]
        parts.append(f"**{table_name}**\n\n" + table(header, rows))
    note = "Counts of rows; for `articles.quality_flags`, articles carrying the flag."
    return "\n\n".join(parts + [note])


def speakers_block(stats: dict) -> str:
    ids = stats["article_ids"]
    speakers = stats["quotes"]["speakers"]
    rows = [
        [
            f"`{key}`" if key.startswith("(") else cell(s["name"]),
            s["total"],
            *[s["per_article"][a] for a in ids],
        ]
        for key, s in speakers.items()
    ]
    q = stats["quotes"]
    tail = (
        f"\n\nRows in parentheses are quotes without a speaker entity, by `speaker_status`. "
        f"{counted(q['clusters'], 'utterance cluster')}, {q['cross_article_clusters']} of them reported by more than one article."
    )
    return table(["speaker", "quotes", *map(short, ids)], rows) + tail


def stances_block(stats: dict) -> str:
    st = stats["stances"]
    labels = TABLES_BY_NAME["stances"].column("label").labels
    rows = [[f"`{t}`", *[c[label] for label in labels], sum(c.values())] for t, c in st["per_target"].items()]
    holders = ", ".join(f"{cell(h)} {n}" for h, n in st["holders"].items())
    confidence = ", ".join(f"{k} {n}" for k, n in st.get("confidence", {}).items())
    return table(["target", *labels, "rows"], rows) + f"\n\nHolders: {holders}.\n\nStance confidence (S6): {confidence}."


def entities_block(stats: dict) -> str:
    e = stats["entities"]
    rows = [[f"`{t}`", n] for t, n in e["mentions_per_type"].items()]
    flagged = [[f"`{f['entity_id']}`", f"`{f['flag']}`", cell(f["note"])] for f in e["flagged"]]
    return (
        table(["entity type", "mentions"], rows)
        + f"\n\n{e['mentioned_entities']} of {counted(stats['tables']['entities']['rows'], 'catalogued entity', 'catalogued entities')} are mentioned. "
        + "Entities flagged as fabricated or unverifiable (E5):\n\n"
        + (table(["entity", "flag", "why"], flagged) if flagged else "(none)")
    )


def segments_block(stats: dict) -> str:
    ids = stats["article_ids"]
    seg = stats["segments"]
    kinds = [
        k
        for k in TABLES_BY_NAME["segments"].column("kind").labels
        if any(seg["chars_per_kind"][a][k] for a in ids)
    ]
    rows = [[f"`{k}`", *[seg["chars_per_kind"][a][k] for a in ids]] for k in kinds]
    rows.append(["**boilerplate share**", *[share(seg["boilerplate_share"][a]) for a in ids]])
    note = (
        f"Characters per segment kind; boilerplate = {', '.join(f'`{k}`' for k in seg['boilerplate_kinds'])}."
    )
    return table(["segment kind", *map(short, ids)], rows) + "\n\n" + note


def claims_block(stats: dict) -> str:
    c = stats["claims"]
    return (
        f"{counted(stats['tables']['claims']['rows'], 'claim')} in {counted(c['clusters'], 'proposition cluster')}, "
        f"{c['cross_article_clusters']} of them reported by more than one article; "
        f"{counted(len(c['contradictions']), 'cross-article contradiction pair')} (figure: `docs/figures/claims_matrix.png`)."
    )


def agreement_block(stats: dict) -> str:
    ag = stats["agreement"]
    if ag is None:
        return "`dataset/agreement.json` is missing: run `landstrikes agreement`, then `landstrikes stats`."
    q, st, cl = ag["quotes"], ag["stances"], ag["claims"]
    rows = [
        [
            "quote spans, exact match",
            f"F1 {num(q['span_exact']['f1'])} ({q['gold_rows']:,} gold vs {counted(q['second_rows'], 'second-pass row', spec=',')})",
        ],
        ["quote spans, any overlap", f"F1 {num(q['span_overlap']['f1'])}"],
        ["quote kind (matched quotes)", f"Cohen's kappa {num(q['kind_kappa'])}"],
        [
            f"speaker ({counted(q['matched_pairs'], 'matched quote', spec=',')})",
            f"agreement {num(q['speaker_agreement'])}; speaker-status kappa {num(q['speaker_status_kappa'])}",
        ],
        [
            f"stance label, first vs second pass ({st['shared_keys']:,} shared article/holder/target keys)",
            f"kappa {num(st['label_kappa'])} (agreement {num(st['label_agreement'])})",
        ],
        [
            "claim spans, any overlap, first vs second pass",
            (
                f"F1 {num(cl['span_overlap']['f1'])} (P {num(cl['span_overlap']['precision'], 2)}, "
                f"R {num(cl['span_overlap']['recall'], 2)} of the first pass)"
            ),
        ],
        [
            f"claim consistency, first vs second pass ({counted(cl['matched_pairs'], 'matched claim', spec=',')})",
            f"kappa {num(cl['consistency_kappa'])}",
        ],
        ["claim type, first vs second pass (matched claims)", f"kappa {num(cl['type_kappa'])}"],
    ]
    per = q["per_article"]
    per_rows = [
        [short(a), p["gold"], p["second"], num(p["f1"]), num(p["speaker_agreement"])]
        for a, p in sorted(per.items())
    ]
    return (
        table(["layer", "figure"], rows)
        + "\n\nQuotes per article (span overlap):\n\n"
        + table(["article", "gold", "second pass", "span F1", "speaker agreement"], per_rows)
        + third_pass_block(ag.get("third_pass"))
        + fourth_pass_block(ag.get("fourth_pass"))
        + fifth_pass_block(ag.get("fifth_pass"))
        + "".join(claims_pass_block(ag.get(f"{each.name}_pass"), each.name.capitalize(), each.guidelines) for each in CLAIMS_PASSES)
        + cluster_pass_block(ag.get("ninth_pass"), CROSS_ARTICLE_PASSES[0].guidelines)
        + record_pass_block(ag.get("tenth_pass"), CROSS_ARTICLE_PASSES[1].guidelines)
    )


def third_pass_block(tp: dict | None) -> str:
    """Agreement per layer of the third pass with the gold 2.0 frozen before it was read."""
    if not tp:
        return ""
    cl, fl, st = tp["claims"], tp["quality_flags"], tp["stances"]
    rows = [
        ["claim spans, any overlap", f"F1 {num(cl['span_overlap']['f1'])} ({cl['gold_rows']:,} gold vs {counted(cl['third_rows'], 'third-pass row', spec=',')}; exact F1 {num(cl['span_exact']['f1'])})"],
        [f"claim type / hedging ({counted(cl['matched_pairs'], 'matched claim', spec=',')})", f"kappa {num(cl['type_kappa'])} / {num(cl['hedging_kappa'])}"],
        ["claim consistency (each side derived from its own clusters, C9)", f"kappa {num(cl['consistency_kappa'])} (agreement {num(cl['consistency_agreement'])})"],
        ["record status (C9b)", f"kappa {num(cl['record_status_kappa'])} (agreement {num(cl['record_status_agreement'])})"],
        [f"clusters: same proposition? ({counted(cl['clusters']['cross_article_pairs'], 'cross-article pair', spec=',')} of matched claims)",
         f"kappa {num(cl['clusters']['same_cluster_kappa'])}; co-cluster link F1 {num(cl['clusters']['link']['f1'])}"],
        ["quality-flag evidence, any overlap, same flag", f"F1 {num(fl['evidence_overlap']['f1'])} ({fl['evidence_overlap']['gold_rows']} gold vs {counted(fl['evidence_overlap']['third_rows'], 'third-pass row')})"],
        ["flags per article (which flags an article has)", f"F1 {num(fl['article_flag_sets']['f1'])}; quality label agreement {num(fl['quality_label_agreement'])}"],
        [f"stance keys (article, holder, target)", f"F1 {num(st['keys']['f1'])} ({st['gold_rows']} gold vs {counted(st['third_rows'], 'third-pass row')})"],
        [f"stance label ({counted(st['shared_keys'], 'shared key')})", f"kappa {num(st['label_kappa'])} (agreement {num(st['label_agreement'])}); confidence kappa {num(st['confidence_kappa'])}"],
    ]
    per_flag = [[f"`{k}`", v["gold"], v["third"], num(v["f1"])] for k, v in sorted(fl["per_flag"].items())]
    return (
        "\n\nThird pass (2.0 guidelines and raw texts only) vs the gold 2.0 frozen before it was read"
        " (`dataset/annotations/gold_before_third_pass/`):\n\n"
        + table(["layer", "figure"], rows)
        + "\n\nQuality-flag evidence per flag (third pass vs frozen gold, any overlap):\n\n"
        + table(["flag", "gold", "third pass", "F1"], per_flag)
    )


def fourth_pass_block(fp: dict | None) -> str:
    """Agreement of the fourth pass (entities, mentions, segments) with release 2.5.0."""
    if not fp:
        return ""
    en, me, na, sg = fp["entities"], fp["mentions"], fp["name_mentions"], fp["segments"]
    rows = [
        [f"entity catalogue (entities aligned by their mentions; {en['gold_rows']} gold vs {counted(en['fourth_rows'], 'fourth-pass entity', 'fourth-pass entities')})",
         f"F1 {num(en['catalogue']['f1'])} (P {num(en['catalogue']['precision'], 2)}, R {num(en['catalogue']['recall'], 2)}); "
         f"{counted(en['split'], 'gold entity', 'gold entities')} split in two or more"],
        [f"entity type ({counted(en['aligned'], 'aligned entity', 'aligned entities')})", f"kappa {num(en['type_kappa'])} (agreement {num(en['type_agreement'])})"],
        ["entity flag (E5)", f"agreement {num(en['flag_agreement'])}; flagged {en['flagged']['gold']} gold vs {en['flagged']['fourth']} fourth-pass"],
        [f"name mentions, exact span ({na['gold_rows']} gold vs {counted(na['fourth_rows'], 'fourth-pass row')})",
         f"F1 {num(na['span_exact']['f1'])} (P {num(na['span_exact']['precision'], 2)}, R {num(na['span_exact']['recall'], 2)}); "
         f"same entity {num(na['entity_agreement'])}"],
        [f"all mentions, any overlap ({me['gold_rows']} gold vs {counted(me['fourth_rows'], 'fourth-pass row')})",
         f"F1 {num(me['span_overlap']['f1'])}; same entity {num(me['entity_agreement'])}; kind kappa {num(me['kind_kappa'])}"],
        [f"segment kind, code point by code point ({counted(sg['code_points'], 'code point', spec=',')})",
         f"kappa {num(sg['kind_kappa'])} (agreement {num(sg['kind_agreement'])})"],
        [f"segment boundaries where the kind changes ({sg['gold_rows']} gold vs {counted(sg['fourth_rows'], 'fourth-pass segment')}; "
         "SG2 lets adjacent blocks of one kind be one segment or several)",
         f"F1 {num(sg['kind_changes']['f1'])} (every segment start: F1 {num(sg['starts']['f1'])})"],
    ]
    return (
        "\n\nFourth pass (2.4 guidelines and raw texts only) vs release 2.5.0, made before it"
        " (`dataset/annotations/fourth_pass/`):\n\n"
        + table(["layer", "figure"], rows)
    )


def fifth_pass_block(fp: dict | None) -> str:
    """Agreement of the fifth pass (quotes, stances, quality flags; each made before its reader saw the gold) with release 2.19.0."""
    if not fp:
        return ""
    qu, st, fl = fp["quotes"], fp["stances"], fp["quality_flags"]
    rows = [
        [f"quote spans, exact ({qu['gold_rows']} gold vs {counted(qu['fifth_rows'], 'fifth-pass row')})",
         f"F1 {num(qu['span_exact']['f1'])} (P {num(qu['span_exact']['precision'], 2)}, R {num(qu['span_exact']['recall'], 2)}); "
         f"any overlap F1 {num(qu['span_overlap']['f1'])}"],
        [f"quote kind / speaker ({counted(qu['matched_pairs'], 'overlapping pair')})",
         f"kappa {num(qu['kind_kappa'])} (agreement {num(qu['kind_agreement'])}) / agreement {num(qu['speaker_agreement'])}"],
        [f"stance keys (article, holder, target; {st['gold_rows']} gold vs {counted(st['fifth_rows'], 'fifth-pass row')})",
         f"F1 {num(st['keys']['f1'])} (P {num(st['keys']['precision'], 2)}, R {num(st['keys']['recall'], 2)})"],
        [f"stance label / confidence ({counted(st['shared_keys'], 'shared key')})",
         f"kappa {num(st['label_kappa'])} (agreement {num(st['label_agreement'])}) / agreement {num(st['confidence_agreement'])}"],
        ["stance evidence (shared keys)", f"same span {num(st['evidence_exact'])}; overlapping {num(st['evidence_overlap'])}"],
        [f"quality-flag evidence, any overlap, same flag ({fl['evidence_overlap']['gold_rows']} gold vs "
         f"{counted(fl['evidence_overlap']['fifth_rows'], 'fifth-pass row')})",
         f"F1 {num(fl['evidence_overlap']['f1'])} (P {num(fl['evidence_overlap']['precision'], 2)}, R {num(fl['evidence_overlap']['recall'], 2)})"],
        ["flags per article (which flags an article has)",
         f"F1 {num(fl['article_flag_sets']['f1'])}; quality label agreement {num(fl['quality_label_agreement'])} of 5 articles"],
    ]
    return (
        "\n\nFifth pass (2.13 guidelines and raw texts; each layer annotated whole before its reader saw the gold)"
        " vs release 2.19.0, made before it (`dataset/annotations/fifth_pass/`):\n\n"
        + table(["layer", "figure"], rows)
    )


COUNT_WORDS = {1: "one article", 2: "two articles", 3: "three articles", 4: "four articles", 5: "five articles"}


def claims_pass_block(sp: dict | None, which: str, guidelines: str) -> str:
    """Agreement of a claims pass (its articles, made from the guidelines and raw texts alone) with the release before it."""
    if not sp:
        return ""
    articles = ", ".join(a.split("_")[0] for a in sp["articles"])
    name = which.lower()
    rows = [
        [f"claim spans, exact ({sp['gold_rows']} gold vs {sp['pass_rows']} {name}-pass rows in {articles})",
         f"F1 {num(sp['span_exact']['f1'])} (P {num(sp['span_exact']['precision'], 2)}, R {num(sp['span_exact']['recall'], 2)})"],
        ["claim spans, any overlap",
         f"F1 {num(sp['span_overlap']['f1'])} (P {num(sp['span_overlap']['precision'], 2)}, R {num(sp['span_overlap']['recall'], 2)})"],
        [f"claim type / hedging ({counted(sp['matched_pairs'], 'overlapping pair')})",
         f"kappa {num(sp['type_kappa'])} (agreement {num(sp['type_agreement'])}) / kappa {num(sp['hedging_kappa'])} "
         f"(agreement {num(sp['hedging_agreement'])})"],
        ["claimant (same entity or both none)", f"agreement {num(sp['claimant_agreement'])}"],
    ]
    release = sp["partner"].split("/")[-1]
    return (
        f"\n\n{which} pass ({guidelines} guidelines and raw texts only; claims of {COUNT_WORDS[len(sp['articles'])]}, no clusters) vs release {release},"
        f" made before it (`dataset/annotations/{name}_pass/`):\n\n"
        + table(["layer", "figure"], rows)
    )


def cluster_pass_block(cp: dict | None, guidelines: str) -> str:
    """Agreement of the ninth pass (which of the partner's claims state one proposition) with the release before it."""
    if not cp:
        return ""
    within, across, b3 = cp["within_article"], cp["across_articles"], cp["bcubed"]
    rows = [
        [f"clusters ({counted(cp['claims'], 'claim')}; {cp['gold_clusters']} gold vs {counted(cp['pass_clusters'], 'ninth-pass cluster')}, "
         f"{cp['gold_cross_article_clusters']} vs {cp['pass_cross_article_clusters']} spanning two or more articles)",
         f"B-cubed F1 {num(b3['f1'])} (P {num(b3['precision'], 2)}, R {num(b3['recall'], 2)})"],
        [f"same proposition?, pairs of claims in different articles ({counted(across['pairs'], 'pair', spec=',')}; "
         f"{across['gold_links']} gold vs {counted(across['pass_links'], 'ninth-pass link')})",
         f"link F1 {num(across['link']['f1'])} (P {num(across['link']['precision'], 2)}, R {num(across['link']['recall'], 2)}); "
         f"kappa {num(across['same_cluster_kappa'])}"],
        [f"same proposition?, pairs of claims in one article ({counted(within['pairs'], 'pair', spec=',')}; "
         f"{within['gold_links']} gold vs {counted(within['pass_links'], 'ninth-pass link')})",
         f"link F1 {num(within['link']['f1'])}; kappa {num(within['same_cluster_kappa'])}"],
        ["claim consistency (each side derived from its own clusters and variants, C9; C8's hypothetical flag the gold's on both)",
         f"kappa {num(cp['consistency_kappa'])} (agreement {num(cp['consistency_agreement'])})"],
    ]
    release = cp["partner"].split("/")[-1]
    return (
        f"\n\nNinth pass ({guidelines} guidelines, raw texts and the release's claim spans only; clusters and variants of every"
        f" claim) vs release {release}, made before it (`dataset/annotations/ninth_pass/`):\n\n"
        + table(["layer", "figure"], rows)
    )


def record_pass_block(rp: dict | None, guidelines: str) -> str:
    """Agreement of the tenth pass (the record status of the partner's propositions) with the release before it."""
    if not rp:
        return ""
    rows = [
        [f"record status of each proposition ({counted(rp['propositions'], 'cluster or variant', 'clusters and variants')}, C9b)",
         f"kappa {num(rp['record_status_kappa'])} (agreement {num(rp['record_status_agreement'])})"],
        [f"the same, where the tenth reader was sure ({counted(rp['high_confidence']['propositions'], 'proposition')})",
         f"agreement {num(rp['high_confidence']['agreement'])}"],
        [f"record status each claim inherits ({counted(rp['claims'], 'claim')})",
         f"kappa {num(rp['claim_record_status_kappa'])} (agreement {num(rp['claim_record_status_agreement'])})"],
        ["gold -> tenth pass, propositions", "; ".join(f"{k} {v}" for k, v in rp["confusion"].items())],
    ]
    release = rp["partner"].split("/")[-1]
    return (
        f"\n\nTenth pass ({guidelines} guidelines, raw texts and the release's propositions with their claims' texts, never"
        f" their status or note) vs release {release}, made before it (`dataset/annotations/tenth_pass/`):\n\n"
        + table(["layer", "figure"], rows)
    )


def adjudication_block(stats: dict) -> str:
    adj = (stats["agreement"] or {}).get("adjudication")
    if not adj:
        return "(no adjudication recorded)"
    cl, st = adj["claims"], adj["stances"]
    rows = [
        ["claims", cl["gold_rows"], cl["from_first_pass"], cl["adopted_from_second_pass"],
         cl["added_in_adjudication"], cl["second_pass_rejected"]],
        ["stances", st["gold_rows"], st["from_first_pass"], st["adopted_from_second_pass"],
         st["gold_rows"] - st["from_first_pass"] - st["adopted_from_second_pass"], st["second_pass_rejected"]],
    ]
    out = table(["layer", "gold rows", "from first pass", "adopted from second pass", "added later (sweep, reviews, later passes)",
                  "second-pass rows rejected"], rows)
    third = (stats["agreement"] or {}).get("third_pass_adjudication")
    if third:
        rows3 = [
            [layer, v["gold_rows"], v["kept_from_gold_before"], v.get("adopted_or_changed_from_third_pass", v.get("adopted_from_third_pass")),
             v["added_otherwise"], v["third_pass_rows_rejected"]]
            for layer, v in (("claims", third["claims"]), ("stances", third["stances"]), ("quality flags", third["quality_flags"]))
        ]
        out += "\n\nThird-pass adjudication (2.0):\n\n" + table(
            ["layer", "gold rows", "kept from the frozen gold", "adopted or changed from the third pass", "added otherwise", "third-pass rows rejected"], rows3)
    return out


def evidence_block(stats: dict, flags: tuple[str, ...]) -> str:
    rows = [
        [f"`{e['flag']}`", span(e), cell(excerpt(e["text"])), cell(e["note"])]
        for e in stats["quality"]["evidence"]
        if e["flag"] in flags
    ]
    return table(["flag", "article, offsets", "text", "note"], rows) if rows else "(none)"


def appended_block(stats: dict) -> str:
    rows = [
        [span(s), f"{s['end'] - s['start']:,}", cell(excerpt(s["text"], 60))]
        for s in stats["segments"]["appended"]
    ]
    return table(["article, offsets", "chars", "begins"], rows) if rows else "(none)"


def misquotations_block(stats: dict) -> str:
    rows = [
        [
            f"`{m['cluster_id']}`",
            span(m),
            cell(m["text"]),
            f"{span(m['reference'])}: " + cell(m["reference"]["text"]),
            num(m["similarity"], 2),
        ]
        for m in stats["quotes"]["misquotations"]
    ]
    flagged = evidence_block(stats, ("misquotation",))
    variants = table(["cluster", "article, offsets", "quoted as", "reference quote", "similarity"], rows) if rows else "(none)"
    return f"Flagged `misquotation` evidence (Q15):\n\n{flagged}\n\nQuoted variants whose wording differs from their cluster's reference:\n\n{variants}"


def contradictions_block(stats: dict) -> str:
    rows = [
        [
            f"`{c['cluster_id']}`",
            span(c["a"]),
            cell(excerpt(c["a"]["text"], 70)),
            f"`{c['a'].get('record_status', '')}`",
            span(c["b"]),
            cell(excerpt(c["b"]["text"], 70)),
            f"`{c['b'].get('record_status', '')}`",
        ]
        for c in stats["claims"]["contradictions"]
    ]
    header = ["cluster", "claim", "text", "record", "contradicted by", "text", "record"]
    return table(header, rows) if rows else "(none)"


def _evidence(*flags: str):
    return lambda stats: evidence_block(stats, flags)


DATASHEET_BLOCKS = {
    "version": lambda stats: stats["dataset_version"],  # the title's: a version bump leaves it stale until `stats`
    "articles": articles_block,
    "rows": rows_block,
    "labels": labels_block,
    "speakers": speakers_block,
    "entities": entities_block,
    "claims": claims_block,
    "stances": stances_block,
    "segments": segments_block,
    "agreement": agreement_block,
    "adjudication": adjudication_block,
    "problems-spun": _evidence("spun_text"),
    "problems-appended": appended_block,
    "problems-appended-flags": _evidence(
        "fabricated_content", "hypothetical_content", "inconsistent_self_description"
    ),
    "problems-factual": _evidence("factual_error"),
    "problems-boilerplate": _evidence("boilerplate", "duplicate_headline"),
    "problems-misquotations": misquotations_block,
    "problems-insertions": _evidence("seo_insertion", "truncation_artifact"),
    "problems-contradictions": contradictions_block,
}


def datasheet_blocks(stats: dict) -> dict[str, str]:
    return {name: render(stats) for name, render in DATASHEET_BLOCKS.items()}


# -- README.md block -------------------------------------------------------------------------------

_ROW = re.compile(r"^\| `(?P<table>[a-z_]+)` \|(?P<middle>.*)\| (?P<rows>[^|]*) \|$")


def readme_rows_block(stats: dict, current: str) -> str:
    """The README's table overview with its last column (rows) regenerated; the prose columns stay.

    The descriptions are README prose, so they are kept from the current block rather than
    duplicated in code; only the numbers are the script's.
    """
    lines = []
    for line in current.strip("\n").split("\n"):
        m = _ROW.match(line)
        if line.startswith("| table |"):  # the header names the version the counts are of
            line = re.sub(r"rows \([^)]*\)", f"rows ({stats['dataset_version']})", line)
        elif m and m["table"] in stats["tables"]:
            line = f"| `{m['table']}` |{m['middle']}| {stats['tables'][m['table']]['rows']:,} |"
        lines.append(line)
    return "\n".join(lines)
