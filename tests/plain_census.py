"""Plain, slow restatements of the cross-table rules attack25, attack26 and attack27 added to
`schema/census_checks.py` (attack29): each rule read from its module's docstring and the
ANNOTATION_GUIDELINES.md rule it cites, row by row in Python, with no sort, no search, no Arrow
kernel. `plain_findings(folder)` gives the set of (check, table, row id, column) these rules
find on a folder's tables; a test compares it with `validate`'s findings of the same check ids.

Where a fast check says it leaves a row to another check (a null offset, a text that is not
its article's slice, an unknown id), the plain rule leaves it out too: those are the rule's
stated scope, not its speed."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pyarrow.parquet as pq

SPEECH = ("direct", "partial", "indirect")
NAMED_SPEAKERS = ("attributed", "implicit", "unnamed_source")
PERSONAL = set("i me my mine myself he him his himself she her hers herself".split())

CHECKS = (
    "claimant-not-speaker", "duplicate-headline-not-a-repeat", "exclusion-overlaps-mention",
    "variant-propositions-repeat", "cluster-propositions-repeat", "quantity-not-in-text", "cue-inside-quote",
    "split-quote-speaker-differs", "claim-in-repeated-headline", "attribution-not-mentioned",
    "headline-claim-attributed", "nominal-indefinite-article", "evidence-not-speakers",
    "contradiction-links-incomplete", "span-crosses-line", "speaker-off-cue-line", "pronoun-type-mismatch",
    "entity-name-repeated", "entity-alias-repeated", "entity-name-mixed-scripts", "quote-kind-status-mismatch", "flags-overlap",
    "claims-overlap", "variant-proposition-not-its-claims",
)


def read(folder: Path) -> dict[str, list[dict]]:
    tables = {}
    for part in sorted((Path(folder) / "data").glob("*/*.parquet")):
        tables.setdefault(part.parent.name, []).extend(pq.read_table(part).to_pylist())
    return tables


def _given(row: dict, *names: str) -> bool:
    return all(row.get(n) is not None for n in names)


def _annotated(row: dict) -> bool:
    return row.get("source") != "auto"


def _inside(inner_start, inner_end, outer_start, outer_end) -> bool:
    return outer_start <= inner_start and inner_end <= outer_end


def _overlap(a_start, a_end, b_start, b_end) -> bool:
    return a_start < b_end and b_start < a_end


def innermost_speech_quote(quotes: list[dict], article, start, end) -> dict | None:
    """The direct, partial or indirect quote (not `multiple`) of the article that encloses the
    span, the one starting last (then the shortest): the innermost."""
    holding = [q for q in quotes if q["article_id"] == article and _given(q, "start", "end")
               and q["kind"] in SPEECH and q["speaker_status"] != "multiple" and _inside(start, end, q["start"], q["end"])]
    if not holding:
        return None
    return max(enumerate(holding), key=lambda t: (t[1]["start"], -t[1]["end"], t[0]))[1]


def claimant_not_speaker(t) -> set:
    found = set()
    for c in t.get("claims", []):
        if not (_annotated(c) and _given(c, "article_id", "start", "end")):
            continue
        q = innermost_speech_quote(t.get("quotes", []), c["article_id"], c["start"], c["end"])
        if q is None:
            continue
        if c["claimant_id"] != q["speaker_id"]:
            found.add(("claimant-not-speaker", "claims", c["claim_id"], "claimant_id"))
        elif c["hedging"] == "asserted" and q["speaker_status"] in NAMED_SPEAKERS:
            found.add(("claimant-not-speaker", "claims", c["claim_id"], "hedging"))
    return found


def duplicate_headline_not_a_repeat(t) -> set:
    heads = [s for s in t.get("segments", []) if s["kind"] == "headline" and _given(s, "article_id", "start", "end", "text")]
    found = set()
    for f in t.get("quality_flags", []):
        if f["flag"] != "duplicate_headline" or not _given(f, "article_id", "start", "end"):
            continue
        held = any(h["article_id"] == f["article_id"] and _inside(f["start"], f["end"], h["start"], h["end"])
                   and any(o is not h and o["article_id"] == h["article_id"] and o["text"].strip() == h["text"].strip() for o in heads)
                   for h in heads)
        if not held:
            found.add(("duplicate-headline-not-a-repeat", "quality_flags", f["flag_id"], "start"))
    return found


def exclusion_overlaps_mention(t) -> set:
    found = set()
    for x in t.get("mention_exclusions", []):
        if not _given(x, "article_id", "entity_id", "start", "end"):
            continue
        for m in t.get("mentions", []):
            if _given(m, "article_id", "entity_id", "start", "end") and m["article_id"] == x["article_id"] \
                    and m["entity_id"] == x["entity_id"] and _overlap(x["start"], x["end"], m["start"], m["end"]):
                found.add(("exclusion-overlaps-mention", "mention_exclusions", x["exclusion_id"], "start"))
    return found


def proposition_key(text: str) -> str:
    """One proposition in any letter case (caseless matching: case folded, canonical form), normal
    form or spacing."""
    return " ".join(unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold()).split())


def variant_propositions_repeat(t) -> set:
    found = set()
    for c in t.get("claim_clusters", []):
        keys = [proposition_key(v) for v in (c.get("variant_propositions") or []) if v is not None]
        if len(keys) != len(set(keys)):
            found.add(("variant-propositions-repeat", "claim_clusters", c["cluster_id"], "variant_propositions"))
    return found


def cluster_propositions_repeat(t) -> set:
    groups: dict[str, list] = {}
    for c in t.get("claim_clusters", []):
        if c.get("proposition") is not None and _annotated(c):
            groups.setdefault(proposition_key(c["proposition"]), []).append(c["cluster_id"])
    return {("cluster-propositions-repeat", "claim_clusters", i, "proposition")
            for ids in groups.values() for i in sorted(ids, key=str)[1:]}


_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_ABBREVIATED = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "tn": 1e12}
"""News style's scale words ("£4bn", "35m"), written on the numeral or one space after it."""


def stated_numbers(text: str) -> set[float]:
    """The numbers a text writes in digits (thousands separators, decimals) and each times a
    scale word after it: read character by character."""
    found, i = set(), 0
    while i < len(text):
        if not text[i].isdecimal() or (i and (text[i - 1].isalnum() or text[i - 1] == "_" or text[i - 1] == ".")):
            i += 1
            continue
        j = i
        while j < len(text) and text[j].isdecimal():
            j += 1
        digits = text[i:j]
        if j - i <= 3:  # thousands groups
            k = j
            while k + 3 < len(text) + 0 and text[k] in ",\u00a0\u2009\u202f" and text[k + 1:k + 4].isdecimal() and len(text[k + 1:k + 4]) == 3 \
                    and (k + 4 == len(text) or not text[k + 4].isdecimal()):
                digits += text[k + 1:k + 4]
                k += 4
            j = k
        if j + 1 < len(text) and text[j] == "." and text[j + 1].isdecimal():
            k = j + 1
            while k < len(text) and text[k].isdecimal():
                k += 1
            digits += text[j:k]
            j = k
        value = float(digits)
        found.add(value)
        word = re.match(r"[A-Za-z]+", text[j:].lstrip())
        if word and word.group(0).lower() in _SCALE:
            found.add(value * _SCALE[word.group(0).lower()])
        near = re.match(r"\s?([A-Za-z]+)", text[j:])
        if near and near.group(1).lower() in _ABBREVIATED and not (near.end() < len(text[j:]) and text[j:][near.end()].isalnum()):
            found.add(value * _ABBREVIATED[near.group(1).lower()])
        i = j
    return found


def quantity_not_in_text(t) -> set:
    found = set()
    for c in t.get("claims", []):
        if not (_annotated(c) and _given(c, "quantity_low", "quantity_high", "text")):
            continue
        if c.get("quantity_bound") == "approximate" and c["quantity_low"] != c["quantity_high"]:
            continue
        written = stated_numbers(c["text"])
        if not written:
            continue
        for column in ("quantity_low", "quantity_high"):
            if not any(abs(c[column] - n) <= 1e-9 * max(1.0, abs(n), abs(c[column])) for n in written):
                found.add(("quantity-not-in-text", "claims", c["claim_id"], column))
                break
    return found


def cue_inside_quote(t) -> set:
    return {("cue-inside-quote", "quotes", q["quote_id"], "cue_start") for q in t.get("quotes", [])
            if _given(q, "start", "end", "cue_start", "cue_end") and q["cue_start"] < q["cue_end"]
            and _overlap(q["start"], q["end"], q["cue_start"], q["cue_end"])}


def split_quote_speaker_differs(t) -> set:
    groups: dict[tuple, list] = {}
    for n, q in enumerate(t.get("quotes", [])):
        if _annotated(q) and _given(q, "article_id", "cue_start", "cue_end", "start"):
            groups.setdefault((q["article_id"], q["cue_start"], q["cue_end"]), []).append((q["start"], n, q))
    found = set()
    for rows in groups.values():
        first = min(rows, key=lambda r: (r[0], r[1]))[2]
        for _, _, q in rows:
            if any(q[c] != first[c] for c in ("speaker_status", "speaker_id", "speaker_mention_id")):
                found.add(("split-quote-speaker-differs", "quotes", q["quote_id"], "speaker_id"))
    return found


def claim_in_repeated_headline(t) -> set:
    repeats = [f for f in t.get("quality_flags", []) if f["flag"] == "duplicate_headline" and _given(f, "article_id", "start", "end")]
    return {("claim-in-repeated-headline", "claims", c["claim_id"], "start") for c in t.get("claims", [])
            if _given(c, "article_id", "start", "end")
            and any(f["article_id"] == c["article_id"] and _overlap(c["start"], c["end"], f["start"], f["end"]) for f in repeats)}


def attribution_not_mentioned(t) -> set:
    articles = {a["article_id"] for a in t.get("articles", [])}
    entities = {e["entity_id"] for e in t.get("entities", [])}
    mentioned = {(m["article_id"], m["entity_id"]) for m in t.get("mentions", [])}
    found = set()
    for table, column in (("claims", "claimant_id"), ("stances", "holder_id"), ("quotes", "speaker_id"), ("quotes", "speaker_ids")):
        id_column = {"claims": "claim_id", "stances": "stance_id", "quotes": "quote_id"}[table]
        for r in t.get(table, []):
            named = r.get(column)
            for entity in (named if isinstance(named, list) else [named]):
                if entity is not None and r["article_id"] in articles and entity in entities \
                        and (r["article_id"], entity) not in mentioned:
                    found.add(("attribution-not-mentioned", table, r[id_column], column))
    return found


def headline_claim_attributed(t) -> set:
    heads = [s for s in t.get("segments", []) if s["kind"] in ("headline", "section_heading") and _given(s, "article_id", "start", "end")]
    found = set()
    for c in t.get("claims", []):
        if not (_annotated(c) and _given(c, "article_id", "start", "end")):
            continue
        if c["claimant_id"] is None and c["hedging"] != "attributed":
            continue
        if innermost_speech_quote(t.get("quotes", []), c["article_id"], c["start"], c["end"]) is not None:
            continue  # C11's
        if any(s["article_id"] == c["article_id"] and s["start"] <= c["start"] < s["end"] for s in heads):
            found.add(("headline-claim-attributed", "claims", c["claim_id"], "hedging"))
    return found


def nominal_indefinite_article(t) -> set:
    """M1: "an indefinite article stays out": a NOMINAL text opening on the word "a" or "an"."""
    found = set()
    for m in t.get("mentions", []):
        text = m.get("text")
        if m["kind"] == "NOMINAL" and _annotated(m) and text is not None:
            word = text.split(maxsplit=1)
            if len(word) == 2 and word[0].lower() in ("a", "an") and text[len(word[0])].isspace():
                found.add(("nominal-indefinite-article", "mentions", m["mention_id"], "start"))
    return found


def evidence_not_speakers(t) -> set:
    found = set()
    for s in t.get("stances", []):
        if not (_annotated(s) and _given(s, "article_id", "evidence_start", "evidence_end")) or s["holder_kind"] == "article":
            continue
        q = innermost_speech_quote(t.get("quotes", []), s["article_id"], s["evidence_start"], s["evidence_end"])
        if q is not None and q["speaker_status"] in ("attributed", "implicit") and (s["holder_id"] is None or s["holder_id"] != q["speaker_id"]):
            found.add(("evidence-not-speakers", "stances", s["stance_id"], "holder_id"))
    return found


def contradiction_links_incomplete(t) -> set:
    claims = t.get("claims", [])
    ids = [c["claim_id"] for c in claims]
    found = set()
    for c in claims:
        want = {o["claim_id"] for o in claims if _given(c, "cluster_id", "variant_id", "article_id")
                and _given(o, "cluster_id", "variant_id", "article_id") and o["cluster_id"] == c["cluster_id"]
                and o["article_id"] != c["article_id"] and o["variant_id"] != c["variant_id"]}
        have = {i for i in (c["contradicted_by"] or []) if i in ids}
        if want != have:
            found.add(("contradiction-links-incomplete", "claims", c["claim_id"], "contradicted_by"))
    return found


_LINE_SPANS = (
    ("mentions", "mention_id", ("start", "end", "text")),
    ("mention_exclusions", "exclusion_id", ("start", "end", "text")),
    ("quotes", "quote_id", ("start", "end", "text")),
    ("quotes", "quote_id", ("cue_start", "cue_end", "cue_text")),
    ("quotes", "quote_id", ("speaker_start", "speaker_end", "speaker_text")),
    ("claims", "claim_id", ("start", "end", "text")),
    ("stances", "stance_id", ("evidence_start", "evidence_end", "evidence_text")),
    ("quality_flags", "flag_id", ("start", "end", "text")),
)


def _article_text(t) -> dict:
    texts = {}
    for a in t.get("articles", []):
        texts[a["article_id"]] = a["text"]  # the last row of an id, as checkcorpus.article_rows
    return texts


def _is_slice(texts, row, start, end, text) -> bool:
    article = texts.get(row.get("article_id"))
    s, e = row.get(start), row.get(end)
    return article is not None and s is not None and e is not None and 0 <= s <= e <= len(article) and article[s:e] == row.get(text)


def span_crosses_line(t) -> set:
    texts, found = _article_text(t), set()
    for table, id_column, (start, end, text) in _LINE_SPANS:
        for r in t.get(table, []):
            value = r.get(text)
            if value is None or (table == "quality_flags" and r.get("source") == "auto"):
                continue
            lines = [n for n, ch in enumerate(value) if ch == "\n" and value[:n].strip() and value[n + 1:].strip()]
            if lines and _is_slice(texts, r, start, end, text):
                found.add(("span-crosses-line", table, r[id_column], text))
    return found


def speaker_off_cue_line(t) -> set:
    texts, found = _article_text(t), set()
    for q in t.get("quotes", []):
        article = texts.get(q.get("article_id"))
        if article is None or not _annotated(q) or not _given(q, "speaker_start", "speaker_end", "cue_start", "cue_end"):
            continue
        ss, se, cs, ce = q["speaker_start"], q["speaker_end"], q["cue_start"], q["cue_end"]
        if not (0 <= ss <= se <= len(article) and 0 <= cs <= ce <= len(article)):
            continue
        between = article[se:cs] if ss <= cs else article[ce:ss]
        if "\n" in between:
            found.add(("speaker-off-cue-line", "quotes", q["quote_id"], "speaker_start"))
    return found


def pronoun_type_mismatch(t) -> set:
    types: dict[str, set] = {}
    for e in t.get("entities", []):
        types.setdefault(e["entity_id"], set()).add(e.get("type"))
    return {("pronoun-type-mismatch", "mentions", m["mention_id"], "entity_id") for m in t.get("mentions", [])
            if m["kind"] == "PRONOUN" and _annotated(m) and m.get("text") is not None
            and m["text"].strip().lower() in PERSONAL and m["entity_id"] in types and "PERSON" not in types[m["entity_id"]]}


def name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def entity_name_repeated(t) -> set:
    seen, found = set(), set()
    for e in t.get("entities", []):
        if e.get("name") is None:
            continue
        key = name_key(e["name"])
        if key in seen:
            found.add(("entity-name-repeated", "entities", e["entity_id"], "name"))
        seen.add(key)
    return found


def entity_alias_repeated(t) -> set:
    """E3 (2.28): an alias listed by a second gold entity, letters compared exactly, any space as one."""
    owner, found = {}, set()
    for e in t.get("entities", []):
        if e.get("source") == "auto" or e.get("entity_id") is None:
            continue
        for alias in e.get("aliases") or []:
            if alias is None or not alias.strip():
                continue  # a blank alias names nothing (its own finding, empty-string)
            key = "".join(" " if unicodedata.category(c) == "Zs" else c for c in alias)  # the scan's any-space
            if owner.setdefault(key, e["entity_id"]) != e["entity_id"]:
                found.add(("entity-alias-repeated", "entities", e["entity_id"], "aliases"))
    return found


def variant_proposition_not_its_claims(t) -> set:
    """C9 (2.29): a claim of a cluster of several variants all of whose words another variant's
    proposition holds, and its own's does not (words: NFKC, case-folded, apostrophes dropped,
    anything not a letter or digit a break)."""
    def words(text: str) -> set:
        text = unicodedata.normalize("NFKC", text).casefold()
        text = "".join(c for c in text if c not in "'\u2019\u02bc\u2018")
        return set("".join(c if c.isalnum() else " " for c in text).split())

    said = {}
    for c in t.get("claim_clusters", []):
        ids, props = c.get("variant_ids"), c.get("variant_propositions")
        if ids is not None and props is not None and len(ids) == len(props) and len(ids) > 1:
            said[c["cluster_id"]] = {v: words(p) for v, p in zip(ids, props) if v is not None and p is not None}
    found = set()
    for r in t.get("claims", []):
        versions = said.get(r.get("cluster_id"))
        if not versions or r.get("variant_id") not in versions or r.get("text") is None:
            continue
        mine = words(r["text"])
        if not mine <= versions[r["variant_id"]] and any(mine <= other for other in versions.values()):
            found.add(("variant-proposition-not-its-claims", "claims", r["claim_id"], "variant_id"))
    return found


def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    words = unicodedata.name(ch, "").split()
    return next((w for w in words[:2] if w in ("LATIN", "CYRILLIC", "GREEK")), None)


def entity_name_mixed_scripts(t) -> set:
    return {("entity-name-mixed-scripts", "entities", e["entity_id"], "name") for e in t.get("entities", [])
            if e.get("name") is not None and _annotated(e)
            and any(len({_script(ch) for ch in word} - {None}) > 1 for word in e["name"].split())}


def quote_kind_status_mismatch(t) -> set:
    return {("quote-kind-status-mismatch", "quotes", q["quote_id"], "speaker_status") for q in t.get("quotes", [])
            if (q["kind"] == "scare") != (q["speaker_status"] == "term")
            or (q["kind"] == "orphan" and q["speaker_status"] is not None and q["speaker_status"] != "unattributed")}


def _keyed_overlaps(rows: list[dict], id_column: str, key: str, check: str, table: str) -> set:
    sound = [(n, r) for n, r in enumerate(rows) if _given(r, "article_id", key, "start", "end")
             and 0 <= r["start"] < r["end"] <= 2**31]
    found = set()
    for n, r in sound:
        for m, o in sound:
            if (o["start"], -o["end"], m) < (r["start"], -r["end"], n) and o["article_id"] == r["article_id"] \
                    and o[key] == r[key] and _overlap(r["start"], r["end"], o["start"], o["end"]):
                found.add((check, table, r[id_column], "start"))
    return found


def keyed_overlaps(t) -> set:
    return _keyed_overlaps(t.get("quality_flags", []), "flag_id", "flag", "flags-overlap", "quality_flags") \
        | _keyed_overlaps(t.get("claims", []), "claim_id", "cluster_id", "claims-overlap", "claims")


RULES = (claimant_not_speaker, duplicate_headline_not_a_repeat, exclusion_overlaps_mention, variant_propositions_repeat,
         cluster_propositions_repeat, quantity_not_in_text, cue_inside_quote, split_quote_speaker_differs,
         claim_in_repeated_headline, attribution_not_mentioned, headline_claim_attributed, nominal_indefinite_article,
         evidence_not_speakers, contradiction_links_incomplete, span_crosses_line, speaker_off_cue_line,
         pronoun_type_mismatch, entity_name_repeated, entity_alias_repeated, entity_name_mixed_scripts, quote_kind_status_mismatch, keyed_overlaps,
         variant_proposition_not_its_claims)


def plain_findings(folder: Path) -> set:
    tables = read(folder)
    return set().union(*(rule(tables) for rule in RULES))


def fast_findings(folder: Path) -> set:
    from landstrikes.schema import validate
    report = validate(folder)
    assert report.unusable is None
    from landstrikes.schema.census_checks import CENSUS_CHECKS
    names = tuple(f"{check.__name__} " for check in CENSUS_CHECKS)
    crashed = [f for f in report.findings if f.check == "check-crashed" and f.message.startswith(names)]
    assert not crashed, crashed
    return {(f.check, f.table, f.row_id, f.column) for f in report.findings if f.check in CHECKS}


def census_findings(folder: Path) -> set:
    """The census checks alone, on the tables as written (no Pandera read: generated corpora
    break its rules everywhere, and its error paths cost 0.25 s a corpus): what `fast_findings`
    gives, at a tenth of the time."""
    import pyarrow.parquet as pq
    from landstrikes.schema.census_checks import CENSUS_CHECKS
    from landstrikes.schema.checkcorpus import Corpus
    from landstrikes.schema.report import Report
    corpus = Corpus.from_arrow({p.parent.name: pq.read_table(p) for p in sorted((Path(folder) / "data").glob("*/*.parquet"))})
    report = Report(path=str(folder))
    for check in CENSUS_CHECKS:
        check(corpus, report)  # a crash is the test's failure
    return {(f.check, f.table, f.row_id, f.column) for f in report.findings if f.check in CHECKS}
