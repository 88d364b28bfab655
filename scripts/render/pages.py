"""Pure view models: tables in, one plain dict per page out (templates only lay them out)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from landstrikes.render.data import Tables
from landstrikes.render.markup import Span, SpanOutOfRange, check_span, to_events
from landstrikes.render.worddiff import word_diff

# Outer to inner when two spans have the same extent; also the order of the legend.
LAYERS = ("segment", "flag", "stance", "claim", "quote", "cue", "mention")
RANK = {layer: i for i, layer in enumerate(LAYERS)}
COUNTED = ("segments", "mentions", "quotes", "claims", "stances", "quality_flags")


LONGEST_PAGE_NAME = 255 - len(".html")
"""A file name holds 255 bytes: a 251-character article id (a raw file named with 255 bytes) made
a 256-byte page name, and render refused a VALID folder (`File name too long`; attack22)."""

HASHED = re.compile(r".*-[0-9a-f]{32}")
"""The shape of a cleaned name. An id already of that shape is cleaned too, so no id kept as its
own name is another id's cleaned name: `001_a_b-65084212` (a raw file's name) was the page of
`001_a b` as well, and render wrote both articles to it (attack22). 128 bits of hash, so no one
can make two ids clean alike (8 hex digits could be matched by trying)."""


WINDOWS_DEVICES = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?", re.IGNORECASE)
"""Names Windows keeps for devices, with any extension: `con.html` cannot be written there."""


def page_name(identifier: str) -> str:
    """A file name for an id: kept as is when safe, in lower case, short enough, no device's name
    and not of a cleaned name's shape, else cleaned, cut and made unique by a hash. Lower case
    only, so that no two kept names are one file where names are compared without case (macOS,
    Windows, exFAT): `Reuters_a` and `reuters_a` had shared one page there (attack23)."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", identifier)
    if safe == identifier and safe not in ("", ".", "..") and len(safe) <= LONGEST_PAGE_NAME \
            and safe == safe.lower() and not HASHED.fullmatch(safe) and not WINDOWS_DEVICES.fullmatch(safe):
        return safe
    prefix = safe[:60]
    if WINDOWS_DEVICES.fullmatch(prefix.split(".")[0]):  # `nul.x-<hash>` is still the device
        prefix = f"_{prefix}"
    return f"{prefix}-{hashlib.sha256(identifier.encode('utf-8', 'surrogatepass')).hexdigest()[:32]}"


def article_href(article_id: str, anchor: str | None = None) -> str:
    return f"articles/{page_name(article_id)}.html" + (f"#{anchor}" if anchor else "")


def cluster_href(layer: str, cluster_id: str) -> str:
    return f"{layer}-clusters/{page_name(cluster_id)}.html"


@dataclass(frozen=True)
class Lookup:
    """Names the pages show instead of bare ids, and each article's rows, grouped once: grouping
    them again for every page made a render quadratic (attack11: 10^5 tiny silver articles drew
    about one page a second, 580 pages in 10 minutes)."""

    entities: dict[str, dict]
    mentions: dict[str, dict]
    articles: dict[str, dict]
    cluster_sizes: dict[tuple[str, str], int]
    rows: dict[str, dict[str, list[dict]]]
    claim_article: dict[str, str]

    def entity_name(self, entity_id: str | None, default: str = "—") -> str:
        if entity_id is None:
            return default
        return (self.entities.get(entity_id) or {}).get("name") or entity_id


def lookup(tables: Tables) -> Lookup:
    sizes = Counter(("quote", q["cluster_id"]) for q in tables["quotes"] if q["cluster_id"])
    sizes.update(("claim", c["cluster_id"]) for c in tables["claims"] if c["cluster_id"])
    return Lookup(
        entities={e["entity_id"]: e for e in tables["entities"]},
        mentions={m["mention_id"]: m for m in tables["mentions"]},
        articles={a["article_id"]: a for a in tables["articles"]},
        cluster_sizes=dict(sizes),
        rows={name: by_article(tables[name]) for name in COUNTED},
        claim_article={c["claim_id"]: c["article_id"] for c in tables["claims"]},
    )


def by_article(rows: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row["article_id"]].append(row)
    for group in grouped.values():
        group.sort(key=text_order)
    return grouped


def text_order(row: dict) -> tuple:
    """Rows in reading order: by start offset, then by their id (the first column)."""
    start = row.get("start", row.get("evidence_start"))
    return (_int(start), str(next(iter(row.values()))))


def _int(value) -> int:
    return value if isinstance(value, int) else -1


def speaker_phrase(quote: dict, look: Lookup) -> str:
    """'Donald Trump (mention “Trump”)': who speaks and where the article says so."""
    name = look.entity_name(quote["speaker_id"], default=quote["speaker_status"] or "no speaker")
    mention = look.mentions.get(quote["speaker_mention_id"] or "")
    return f"{name} (mention “{mention['text']}”)" if mention else name


def quote_spans(quote: dict, look: Lookup) -> list[Span]:
    nested = " nested" if quote["parent_quote_id"] else ""
    title = f"{quote['kind']} quote{nested} · speaker: {speaker_phrase(quote, look)}"
    if quote["cue_text"]:
        title += f" · cue “{quote['cue_text']}”"
    spans = [Span(quote["start"], quote["end"], "quote", quote["quote_id"], f"{quote['kind']}{nested}", title, RANK["quote"])]
    if quote["cue_start"] is not None and quote["cue_end"] is not None:
        cue_title = f"reporting cue ({quote['cue_lemma'] or '?'}) of {quote['quote_id']}"
        spans.append(Span(quote["cue_start"], quote["cue_end"], "cue", quote["quote_id"], "", cue_title, RANK["cue"]))
    return spans


def article_spans(rows: dict[str, list[dict]], look: Lookup) -> list[Span]:
    """Every layer of one article as typed spans (rows: that article's rows per table)."""
    spans = []
    for g in rows["segments"]:
        spans.append(Span(g["start"], g["end"], "segment", g["segment_id"], g["kind"], f"segment: {g['kind']}", RANK["segment"]))
    for f in rows["quality_flags"]:
        spans.append(Span(f["start"], f["end"], "flag", f["flag_id"], f["flag"], f"quality flag {f['flag']}: {f['note']}", RANK["flag"]))
    for s in rows["stances"]:
        title = f"stance of {look.entity_name(s['holder_id'], 'the article')} on {s['target_id']}: {s['label']}"
        spans.append(Span(s["evidence_start"], s["evidence_end"], "stance", s["stance_id"], s["label"], title, RANK["stance"]))
    for c in rows["claims"]:
        title = f"claim · {c['consistency']} · {c['claim_type']} · by {look.entity_name(c['claimant_id'], 'the article')}"
        spans.append(Span(c["start"], c["end"], "claim", c["claim_id"], c["consistency"], title, RANK["claim"]))
    for q in rows["quotes"]:
        spans.extend(quote_spans(q, look))
    for m in rows["mentions"]:
        entity = look.entities.get(m["entity_id"]) or {}
        etype = entity.get("type") or "unknown"
        title = f"{look.entity_name(m['entity_id'])} · {etype} · {m['kind']}"
        spans.append(Span(m["start"], m["end"], "mention", m["mention_id"], etype, title, RANK["mention"]))
    return spans


def drawable(spans: list[Span], text: str) -> tuple[list[Span], list[str]]:
    """Spans that fit the text, and one problem line per span that does not (silver can be wrong)."""
    good, problems = [], []
    for span in spans:
        try:
            check_span(span, len(text))
        except (SpanOutOfRange, TypeError) as exc:
            problems.append(str(exc) if isinstance(exc, SpanOutOfRange) else f"{span.layer} {span.key}: no offsets")
            continue
        good.append(span)
    return good, problems


def article_page(tables: Tables, article: dict, look: Lookup) -> dict:
    rows = {name: look.rows[name].get(article["article_id"], []) for name in COUNTED}
    claim_article = look.claim_article
    spans, problems = drawable(article_spans(rows, look), article["text"])
    quotes = [
        {
            **q,
            "speaker_name": look.entity_name(q["speaker_id"], default=""),
            "speaker_mention": look.mentions.get(q["speaker_mention_id"] or ""),
            "cluster_href": cluster_href("quote", q["cluster_id"]) if q["cluster_id"] else None,
            "cluster_size": look.cluster_sizes.get(("quote", q["cluster_id"]), 0),
        }
        for q in rows["quotes"]
    ]
    claims = [
        {
            **c,
            "claimant_name": look.entity_name(c["claimant_id"], default="article voice"),
            "cluster_href": cluster_href("claim", c["cluster_id"]) if c["cluster_id"] else None,
            "cluster_size": look.cluster_sizes.get(("claim", c["cluster_id"]), 0),
            "contradicted": [
                {"id": other, "href": article_href(claim_article[other], other) if other in claim_article else None} for other in c["contradicted_by"] or []
            ],
        }
        for c in rows["claims"]
    ]
    stances = [{**s, "holder_name": look.entity_name(s["holder_id"], default="article voice")} for s in rows["stances"]]
    return {
        "article": article,
        "events": to_events(article["text"], spans),
        "quotes": quotes,
        "claims": claims,
        "stances": stances,
        "flags": rows["quality_flags"],
        "segments": rows["segments"],
        "counts": {name: len(rows[name]) for name in COUNTED},
        "problems": problems,
        "layers_present": sorted({s.layer for s in spans}, key=RANK.get),
    }


def reference_of(layer: str, members: list[dict]) -> dict:
    """The variant the others are compared with; for quotes the same rule as cluster_similarity (Q12)."""
    if layer == "quote":
        return max(members, key=lambda r: (r["kind"] == "direct", len(r["text"]), r["quote_id"]))
    return max(members, key=lambda r: (len(r["text"]), r["claim_id"]))


def cluster_pages(tables: Tables, look: Lookup) -> list[dict]:
    pages = []
    for layer, table, id_col in (("quote", "quotes", "quote_id"), ("claim", "claims", "claim_id")):
        clusters: dict[str, list[dict]] = defaultdict(list)
        for row in tables[table]:
            if row["cluster_id"]:
                clusters[row["cluster_id"]].append(row)
        for cluster_id, members in sorted(clusters.items()):
            reference = reference_of(layer, members)
            ordered = [reference] + sorted(
                (m for m in members if m is not reference), key=lambda r: (r["article_id"], _int(r["start"]))
            )
            variants = []
            for row in ordered:
                article = look.articles.get(row["article_id"]) or {}
                who = row.get("speaker_id") if layer == "quote" else row.get("claimant_id")
                variants.append(
                    {
                        "id": row[id_col],
                        "row": row,
                        "is_reference": row is reference,
                        "article_id": row["article_id"],
                        "article_title": article.get("title") or row["article_id"],
                        "href": article_href(row["article_id"], row[id_col]),
                        "label": row["kind"] if layer == "quote" else row["consistency"],
                        "who": look.entity_name(who, default="article voice" if layer == "claim" else "—"),
                        "pieces": word_diff(reference["text"], row["text"]),
                    }
                )
            pages.append(
                {
                    "layer": layer,
                    "cluster_id": cluster_id,
                    "href": cluster_href(layer, cluster_id),
                    "variants": variants,
                    "n_articles": len({m["article_id"] for m in members}),
                    "labels": Counter(v["label"] for v in variants),
                }
            )
    return pages


def index_page(tables: Tables, clusters: list[dict]) -> dict:
    counts = {name: Counter(r["article_id"] for r in tables[name]) for name in COUNTED}
    articles = [
        {
            **a,
            "href": article_href(a["article_id"]),
            "counts": {name: counts[name][a["article_id"]] for name in COUNTED},
        }
        for a in tables["articles"]
    ]
    return {
        "articles": articles,
        "counted": COUNTED,
        "quote_clusters": biggest_first([c for c in clusters if c["layer"] == "quote"]),
        "claim_clusters": biggest_first([c for c in clusters if c["layer"] == "claim"]),
        "source": str(tables.source),
        "n_entities": len(tables["entities"]),
    }


def biggest_first(clusters: list[dict]) -> list[dict]:
    return sorted(clusters, key=lambda c: (-len(c["variants"]), c["cluster_id"]))


def entities_page(tables: Tables) -> dict:
    counts: dict[str, Counter] = defaultdict(Counter)
    for m in tables["mentions"]:
        counts[m["entity_id"]][m["article_id"]] += 1
    entities = sorted(tables["entities"], key=lambda e: (e["type"] or "", e["name"] or ""))
    return {
        "entities": [
            {**e, "mentions": sum(counts[e["entity_id"]].values()), "by_article": sorted(counts[e["entity_id"]].items())}
            for e in entities
        ],
        "articles": {a["article_id"]: article_href(a["article_id"]) for a in tables["articles"]},
    }
