"""M2: every occurrence of a catalogued entity's name or alias is a mention. The alias scan
(`alias-not-covered`) looks only for `aliases`, so a gold entity's name that is none of its aliases
was never looked for: "Americans", the name of `americans`, dropped from its aliases with its one
mention in 000, validated (attack41). Here a name, less a trailing parenthesised gloss
("Fuerza Armada Nacional (FAN)" is judged as "Fuerza Armada Nacional"), that occurs in an article
at word edges must be one of its aliases; the alias scan then asks a mention of each occurrence.

Names that are aliases cost nothing; the others (39 of 84 on the gold, descriptive names such as
"US strikes on drug-smuggling boats (from September 2025)") are found in one RE2 pass over the
texts, with any Unicode space between words, and only the articles it hits are read in Python for
word edges. Findings are per entity and article, so partitions of a corpus (`validate --engine`)
report what one folder reports. The extractor's rows are exempt, as from M2."""

from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report

_GLOSS = re.compile(r"\s*\([^()]*\)\s*$")
_LINE_SPACE = r"[^\S\n]+"  # any space but a line end: a name does not run across lines


def judged_name(name: str) -> str:
    """The name as M2 looks for it: without a trailing parenthesised gloss, trimmed."""
    return _GLOSS.sub("", name).strip()


def _unaliased(entities: pa.Table) -> dict[str, list[tuple[str, str]]]:
    """judged name -> [(entity id, full name)] of the gold entities whose name is none of their aliases."""
    ids, names = column(entities, "entity_id").to_pylist(), column(entities, "name").to_pylist()
    aliases = column(entities, "aliases").to_pylist()
    sources = column(entities, "source").to_pylist() if "source" in entities.column_names else [None] * len(ids)
    found: dict[str, list[tuple[str, str]]] = {}
    for entity_id, name, listed, source in zip(ids, names, aliases, sources):
        if entity_id is None or not isinstance(name, str) or listed is None or source == "auto":
            continue  # a null is its own finding; M2 is judged on a row that states its aliases
        listed = [a for a in listed if isinstance(a, str)]
        judged = judged_name(name)
        if judged and judged not in listed and name not in listed:
            found.setdefault(judged, []).append((entity_id, name))
    return found


def _words(name: str, space: str) -> str:
    return space.join(re.escape(word) for word in name.split())


def check_entity_name_aliases(tables, report: Report) -> None:
    entities = arrow_of(tables, "entities", ("name", "aliases"))
    articles = arrow_of(tables, "articles", ("text",))
    if entities is None or articles is None or not entities.num_rows or not articles.num_rows:
        return
    texts = column(articles, "text")
    if not pa.types.is_list(column(entities, "aliases").type) or not pa.types.is_string(texts.type) \
            or not all(pa.types.is_string(column(entities, c).type) for c in ("entity_id", "name")):
        return  # a wrong type is the dtype checks' finding
    wanted = _unaliased(entities)
    if not wanted:
        return
    ordered = sorted(wanted, key=lambda n: (-len(n), n))  # the longest name first where one holds another
    coarse = "|".join(_words(name, r"\pZ+") for name in ordered)  # RE2: any Unicode space separator
    hit = pc.fill_null(pc.match_substring_regex(texts, coarse), False)
    rows = pc.indices_nonzero(hit).to_pylist()
    if not rows:
        return
    spaced = [_words(name, _LINE_SPACE) for name in ordered]
    exact = re.compile(r"(?<!\w)(?:" + "|".join(f"(?P<n{i}>{words})" for i, words in enumerate(spaced)) + r")(?!\w)")
    article_ids = column(articles, "article_id").take(pa.array(rows, pa.int64())).to_pylist()
    for article_id, text in zip(article_ids, texts.take(pa.array(rows, pa.int64())).to_pylist()):
        seen: set[str] = set()
        for match in exact.finditer(text):
            name = ordered[int(match.lastgroup[1:])]
            if name in seen:
                continue
            seen.add(name)
            for entity_id, full in wanted[name]:
                report.add("entities", "entity-name-not-alias",
                           f"entity {entity_id[:60]!r}: its name {full[:60]!r} occurs in article {str(article_id)[:40]} "
                           f"at [{match.start()}, {match.end()}) but {name[:60]!r} is none of its aliases (M2: every "
                           "occurrence of an entity's name is a mention, found by its aliases)", entity_id, "name", full)
