"""The catalogue names each entity once, in letters of one script a word. E3 derives an entity's
one id from its one canonical name, so two entities never share a name (compared in any case,
normal form and spacing) [entity-name-repeated]; and a canonical name is the catalogue's own
spelling, never a spoof mixing Latin, Cyrillic and Greek letters inside a word ("Donald
\u0422rump", a Cyrillic Te) [entity-name-mixed-scripts]: the raw text's own spelling, spoofed or
not, is an alias (M2), which this does not judge. attack27: `donald-trump` named "Claudia
Sheinbaum", or "Donald \u0422rump", validated. No gold entity and no extractor entity (on the BBC
dev news and adversarial texts) shares a name; the extractor's names are words of the text, so
its rows are exempt from the script rule.

An alias names one gold entity too (E3 2.28) [entity-alias-repeated]: M2 makes every occurrence of
an alias a mention of its entity, and the alias scan takes any mention there for one, so "UN Charter"
added to `aguascalientes-drone-strike-2022`'s aliases validated (census, session 34). Aliases are
compared as the scan matches them: letters exactly, every Unicode space as one (the scan matches an
alias's space with any of them, so "UN<NBSP>Charter" and "UN Charter" meet at one occurrence); the
extractor's rows are exempt (its catalogue may give one surface to other entities in other articles).

Arrow picks the rows; Python reads only non-ASCII names and the names that repeat."""

from __future__ import annotations

import collections
import unicodedata

import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, failing_rows, ids_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.mentions_checks import SPACE_SEPARATORS
from landstrikes.schema.report import Report

_AS_SPACE = {ord(c): " " for c in SPACE_SEPARATORS}
_OTHER_SPACES = "[" + "".join(c for c in SPACE_SEPARATORS if c != " ") + "]"
"""Every Unicode space but U+0020, which the alias scan reads as one: a space of an alias matches any."""

CONFUSABLE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")
"""Scripts whose letters look alike (a, а, α): a word holding two of them is a spoof."""


def check_entity_names(tables, report: Report) -> None:
    entities = arrow_of(tables, "entities", ("name",))
    if entities is None or not entities.num_rows:
        return
    names = column(entities, "name")
    if not (pa.types.is_string(names.type) or pa.types.is_large_string(names.type)):
        return
    _repeated(entities, names, report)
    _mixed(tables, entities, names, report)
    _repeated_aliases(entities, report)


def name_key(name: str) -> str:
    """What tells two names apart: not case, normal form or the spaces between words."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _repeated(entities: pa.Table, names: pa.Array, report: Report) -> None:
    folded = pc.utf8_lower(pc.ascii_lower(names))
    ascii_ = pc.fill_null(pc.string_is_ascii(names), True)
    # cheap proof first: distinct lower-cased ASCII names with single spaces, nothing else to fold
    # (RE2's \s is [\t\n\f\r ]: the vertical tab and the four ASCII separators \x1c-\x1f, which
    # str.split takes for blanks too, are named: "Al\vBo" passed for another name than "Al Bo", attack29)
    simple = pc.and_(ascii_, pc.invert(pc.fill_null(pc.match_substring_regex(names, r"(^ | $|  |[\t-\r\x1c-\x1f])"), False)))
    if pc.all(simple).as_py() and pc.count_distinct(folded).as_py() == pc.count(folded).as_py():
        return
    keys = [name_key(n) if n is not None else None for n in names.to_pylist()]
    first = {}
    holders = collections.defaultdict(list)
    for row, key in enumerate(keys):
        if key is not None:
            holders[key].append(row)
            first.setdefault(key, row)
    rows = sorted(row for key, rows in holders.items() if len(rows) > 1 for row in rows[1:])
    if not rows:
        return
    ids = column(entities, "entity_id").to_pylist()
    for row in rows:
        report.add("entities", "entity-name-repeated", f"the name {names[row].as_py()!r} is also the name of "
                   f"{ids[first[keys[row]]]!r} (E3: one entity, one canonical name, one id)", ids[row], "name", names[row].as_py())


def _mixed(tables, entities: pa.Table, names: pa.Array, report: Report) -> None:
    candidates = pc.invert(pc.fill_null(pc.string_is_ascii(names), True))
    if "source" in entities.column_names:
        candidates = pc.and_(candidates, pc.fill_null(pc.not_equal(column(entities, "source"), "auto"), True))
    rows = failing_rows(candidates)
    if not len(rows):
        return
    spoofed = [row for row in rows if _mixes_scripts(names[int(row)].as_py())]
    for row_id, row in zip(ids_at(entities, "entities", spoofed), spoofed):
        value = names[int(row)].as_py()
        report.add("entities", "entity-name-mixed-scripts", f"a word of the name {value!r} mixes letters of "
                   f"{' and '.join(_scripts(value))} (a confusable spelling, E3)", row_id, "name", value)


def _scripts(text: str) -> list[str]:
    seen = [_script(ch) for ch in text]
    return [s for s in CONFUSABLE_SCRIPTS if s in seen]


def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    words = unicodedata.name(ch, "").split()
    return next((w for w in words[:2] if w in CONFUSABLE_SCRIPTS), None)


def _mixes_scripts(name: str) -> bool:
    return any(len(set(_scripts(word))) > 1 for word in name.split())


def _repeated_aliases(entities: pa.Table, report: Report) -> None:
    """Each gold alias listed by a second entity, once per entity and alias, in row order."""
    if "aliases" not in entities.column_names:
        return
    aliases = column(entities, "aliases")
    if not pa.types.is_list(aliases.type) or not pa.types.is_string(aliases.type.value_type):
        return  # a wrong type is its own finding
    if "source" in entities.column_names:
        entities = entities.filter(pc.fill_null(pc.not_equal(column(entities, "source"), "auto"), True))
        aliases = column(entities, "aliases")
    items = pc.replace_substring_regex(pc.drop_null(pc.list_flatten(aliases)), _OTHER_SPACES, " ")
    if pc.count_distinct(items).as_py() == len(items):
        return  # the common case: no alias listed twice anywhere, proved in Arrow
    owner: dict[str, str] = {}
    ids = column(entities, "entity_id").to_pylist()
    for entity_id, listed in zip(ids, aliases.to_pylist()):
        if entity_id is None:
            continue  # a null id is its own finding
        for alias in dict.fromkeys(a for a in listed or () if isinstance(a, str) and a.strip()):  # a blank names nothing
            first = owner.setdefault(alias.translate(_AS_SPACE), entity_id)
            if first != entity_id:
                report.add("entities", "entity-alias-repeated", f"the alias {alias!r} is also an alias of {first!r} "
                           "(E3: an alias names one entity; M2 makes each occurrence a mention of it)",
                           entity_id, "aliases", alias, value_of="an item")
