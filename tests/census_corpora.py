"""Small generated corpora for comparing the census checks with their plain rules (attack29):
few articles of a tiny alphabet (astral letters, combining marks, line feeds, no-break spaces,
Greek capitals), and rows of every table the attack25-27 rules read, their spans mostly on the
text (so the rules have something to find), sometimes null, past the end or reversed, labels
drawn from each rule's vocabulary plus null, some rows the extractor's (`source` auto)."""

from __future__ import annotations

from hypothesis import strategies as st

ALPHABET = "ab \n\U0001d49c\u0301\u00e9\u00a0\u201c\u201d\u03a3\u03c2\u03c3.7,"
WORDS = ["Al", "al", "Al Bo", "Al\u00a0Bo", "AL BO", "\u03a3\u03b1", "\u03c3\u03b1", "a Bo", "an al", "he", "Her", "it", "7", "7,000", "7 million", "7m", "AL\x0bBO", "\u0391\u03a3", "\u03b1\u03c2"]
SPEECH = ["direct", "partial", "indirect", "scare", "orphan", None]
STATUS = ["attributed", "implicit", "unnamed_source", "multiple", "term", "unattributed", None]


@st.composite
def _span(draw, texts, article):
    text = texts.get(article)
    length = len(text) if text is not None else 5
    kind = draw(st.sampled_from(["on", "on", "on", "on", "null", "past", "reversed"]))
    if kind == "null":
        return None, None, None
    start = draw(st.integers(0, length))
    end = draw(st.integers(start, length))
    if kind == "past":
        end = length + draw(st.integers(1, 3))
    if kind == "reversed" and start > 0:
        start, end = end, start - 1
    sliced = text[start:end] if text is not None and 0 <= start <= end <= len(text) else "x"
    return start, end, draw(st.sampled_from([sliced, sliced, sliced, sliced + "\n"]))


@st.composite
def corpus(draw):
    n_articles = draw(st.integers(1, 3))
    articles = [{"article_id": f"a{i}", "text": draw(st.text(alphabet=ALPHABET, max_size=24))} for i in range(n_articles)]
    texts = {a["article_id"]: a["text"] for a in articles}
    article_ids = list(texts) + [None]
    pick_article = st.sampled_from(article_ids[:-1] * 4 + [None])
    entities = [{"entity_id": f"e{i}", "name": draw(st.sampled_from(WORDS)), "aliases": draw(st.lists(st.sampled_from(WORDS), max_size=2)),
                 "type": draw(st.sampled_from(["PERSON", "PERSON", "ORG", "EVENT", None])), "source": draw(st.sampled_from(["gold", "auto"]))}
                for i in range(draw(st.integers(0, 3)))]
    entity = st.sampled_from([e["entity_id"] for e in entities] + [None, "ghost"])
    source = st.sampled_from(["gold", "gold", "auto", None])
    rows = {"articles": articles, "entities": entities}

    def spanned(prefix, n, start="start", end="end", text="text", **cells):
        out = []
        for i in range(draw(st.integers(0, n))):
            row = {k: draw(v) for k, v in cells.items()}
            row.setdefault("article_id", draw(pick_article))
            row[start], row[end], row[text] = draw(_span(texts, row["article_id"]))
            out.append(row | {prefix[0]: f"{prefix[1]}{i}"})
        return out

    rows["mentions"] = spanned(("mention_id", "m"), 6, entity_id=entity, kind=st.sampled_from(["NAME", "NOMINAL", "PRONOUN", None]), source=source)
    for m in rows["mentions"]:
        if draw(st.booleans()):
            m["text"] = draw(st.sampled_from(WORDS))
    rows["mention_exclusions"] = spanned(("exclusion_id", "x"), 2, entity_id=entity)
    mention_ids = st.sampled_from([m["mention_id"] for m in rows["mentions"]] + [None])
    quotes = spanned(("quote_id", "q"), 5, kind=st.sampled_from(SPEECH), speaker_status=st.sampled_from(STATUS), speaker_id=entity,
                     speaker_mention_id=mention_ids, speaker_ids=st.lists(entity.filter(lambda e: e is not None), max_size=2), source=source)
    for q in quotes:
        q["cue_start"], q["cue_end"], q["cue_text"] = draw(_span(texts, q["article_id"]))
        q["speaker_start"], q["speaker_end"], q["speaker_text"] = draw(_span(texts, q["article_id"]))
    for q in quotes:
        if draw(st.integers(0, 3)) == 0:  # a split quote: another row's cue
            other = draw(st.sampled_from(quotes))
            q["article_id"], q["cue_start"], q["cue_end"] = other["article_id"], other["cue_start"], other["cue_end"]
    rows["quotes"] = quotes
    clusters = [f"c{i}" for i in range(draw(st.integers(1, 3)))]
    claims = spanned(("claim_id", "k"), 6, claimant_id=entity, hedging=st.sampled_from(["asserted", "attributed", "questioned", None]),
                     cluster_id=st.sampled_from(clusters + [None]), variant_id=st.sampled_from(["v0", "v1", None]), source=source,
                     quantity_low=st.sampled_from([None, 7.0, 7000.0, 7e6]), quantity_bound=st.sampled_from(["exact", "approximate", None]))
    for c in claims:
        c["quantity_high"] = draw(st.sampled_from([c["quantity_low"], 7.0, None]))
        if draw(st.booleans()):
            c["text"] = draw(st.sampled_from(WORDS))
        c["contradicted_by"] = draw(st.lists(st.sampled_from([f"k{i}" for i in range(len(claims))] + ["ghost"]), max_size=2, unique=True))
    rows["claims"] = claims
    rows["claim_clusters"] = [{"cluster_id": c, "proposition": draw(st.sampled_from(WORDS + [None])), "source": draw(source),
                               "variant_propositions": draw(st.lists(st.sampled_from(WORDS), max_size=3))} for c in clusters]
    rows["segments"] = spanned(("segment_id", "s"), 4, kind=st.sampled_from(["headline", "headline", "body", "section_heading", None]))
    rows["quality_flags"] = spanned(("flag_id", "f"), 4, flag=st.sampled_from(["duplicate_headline", "spun_text", "factual_error", None]), source=source)
    rows["stances"] = spanned(("stance_id", "t"), 3, "evidence_start", "evidence_end", "evidence_text",
                              holder_kind=st.sampled_from(["entity", "article", "group", None]), holder_id=entity, source=source)
    return rows
