"""A NAME mention is an occurrence of one of its entity's names (M1, M2): its text is the
entity's name or one of its aliases, words joined by any Unicode space separator (M6). An
entity that lists no alias is judged apart: a place's names may all be claimed by another entity
(E4: the city `washington-dc` is mentioned as "Washington", an alias of `united-states`), so its
NAME mention need only be words of its own name; an EVENT or a PERSON that lists no alias has no
proper name (E6; an unnamed official), so a NAME mention of one is a finding (the census on
2.19.0's data: "Trump" given `boat-strike-campaign` validated, as the exemption covered every
alias-less entity) [name-mention-not-alias]. A mention
given another entity, an alias dropped from the catalogue, a nominal relabelled NAME, or a name
span widened onto punctuation passed every other check (census) [name-mention-not-alias]; so did
a name relabelled NOMINAL or PRONOUN: a mention whose text is a name of its entity is a NAME
(M1; the gold and the extractor's output hold this) [mention-kind-mismatch]. So is a name given to
another entity as a NOMINAL or PRONOUN: "Claudia Sheinbaum" as a NOMINAL of `donald-trump` validated
(attack26), since the rule asked only about the mention's own entity's names; a text that is any
catalogued name or alias is a NAME (M1, M2), the extractor's rows exempt (its catalogue is its own
guess) [mention-kind-mismatch]. An exclusion is an
occurrence of one of its entity's aliases too (M5): one given another entity passed every check
(census on 2.13.0's data, the first release with an exclusion) [exclusion-not-alias].

Decided on integer codes: (entity row, name number) pairs, the entity rows from the lookup the
foreign-key check has already made. Texts are matched as they are first; only the few that do
not match are matched again with their spaces normalised."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, texts_are_slices, values_at
from landstrikes.schema.checkcorpus import column, gather, is_in, key_positions
from landstrikes.schema.report import Report

_SPACES = r"[\p{Zs}\t\n\r\f\v]"


def check_name_mentions(tables, report: Report) -> None:
    mentions = arrow_of(tables, "mentions", ("article_id", "start", "end", "entity_id", "text", "kind"))
    entities = arrow_of(tables, "entities", ("name", "aliases"))
    if mentions is None or entities is None or not mentions.num_rows:
        return
    aliases = column(entities, "aliases")
    if not pa.types.is_list(aliases.type) or not pa.types.is_string(column(mentions, "text").type) and not pa.types.is_large_string(column(mentions, "text").type):
        return
    owner, names = _entity_names(entities)
    listed = np.zeros(entities.num_rows + 1, bool)
    listed[np.unique(owner[: len(owner) - entities.num_rows])] = True  # entities with at least one alias
    entity = key_positions(tables, "mentions", "entity_id", "entities", "entity_id")
    is_name = pc.fill_null(pc.equal(column(mentions, "kind"), "NAME"), False).to_numpy(zero_copy_only=False)
    known = column(mentions, "kind").is_valid().to_numpy(zero_copy_only=False) & gather(listed, entity, False)
    rows = np.flatnonzero(known)
    if not len(rows):
        return
    named = _names_of_their_entities(entity, column(mentions, "text"), rows, owner, names)
    not_alias = rows[is_name[rows] & ~named]
    not_name = rows[~is_name[rows] & named]
    spans = ("start", "end", "text")
    not_alias = not_alias[texts_are_slices(tables, "mentions", mentions, not_alias, spans)]
    not_name = not_name[texts_are_slices(tables, "mentions", mentions, not_name, spans)]
    for mention_id, entity_id, text in zip(ids_at(mentions, "mentions", not_alias), values_at(mentions, "entity_id", not_alias), values_at(mentions, "text", not_alias)):
        report.add("mentions", "name-mention-not-alias", f"a NAME mention is the name or an alias of its entity; {text!r} is neither for {entity_id!r} (M1, M2)",
                   mention_id, "text", text)
    for mention_id, kind, text in zip(ids_at(mentions, "mentions", not_name), values_at(mentions, "kind", not_name), values_at(mentions, "text", not_name)):
        report.add("mentions", "mention-kind-mismatch", f"{text!r} is a name of its entity, so the mention is NAME, not {kind!r} (M1)",
                   mention_id, "kind", kind)
    _check_names_of_aliasless(tables, mentions, entity, is_name & ~gather(listed, entity, True), (owner, names), report)
    _check_others_names(tables, mentions, ~is_name & column(mentions, "kind").is_valid().to_numpy(zero_copy_only=False),
                        not_name, (owner, names), report)


def _check_others_names(tables, mentions: pa.Table, candidates: np.ndarray, judged: np.ndarray,
                        entity_names: tuple[np.ndarray, pa.Array], report: Report) -> None:
    """A NOMINAL or PRONOUN whose text is the name or an alias of any catalogued entity (as written,
    or with its spaces read as spaces, M6) is a NAME (M1, M2); rows already judged as a name of
    their own entity, and the extractor's, are left out."""
    candidates = candidates.copy()
    candidates[judged] = False
    if "source" in tables["mentions"]:
        candidates &= ~is_in(tables["mentions"], "source", ("auto",))
    rows = np.flatnonzero(candidates)
    if not len(rows):
        return
    owner, names = entity_names
    texts = column(mentions, "text").take(pa.array(rows, pa.int64())).cast(pa.large_string())
    named = pc.fill_null(pc.is_in(texts, value_set=pc.unique(names)), False).to_numpy(zero_copy_only=False)
    if not named.all():
        spaced = pc.fill_null(pc.is_in(_spaced(texts), value_set=pc.unique(_spaced(names))), False).to_numpy(zero_copy_only=False)
        named |= spaced
    rows = rows[named]
    rows = rows[texts_are_slices(tables, "mentions", mentions, rows, ("start", "end", "text"))]
    if not len(rows):
        return
    catalogue = arrow_of(tables, "entities", ("name",))
    entity_ids = column(catalogue, "entity_id").to_pylist() if catalogue is not None else []
    name_of = {}
    for number, name in zip(owner.tolist(), _spaced(names).to_pylist()):
        name_of.setdefault(name, entity_ids[number] if number < len(entity_ids) else None)
    for mention_id, kind, text in zip(ids_at(mentions, "mentions", rows), values_at(mentions, "kind", rows), values_at(mentions, "text", rows)):
        spaced_text = re.sub(r"\s", " ", text)
        owner_id = name_of.get(text, name_of.get(spaced_text))
        report.add("mentions", "mention-kind-mismatch", f"{text!r} is a catalogued name (of {owner_id!r}), so the mention is NAME, "
                   f"not {kind!r} (M1, M2)", mention_id, "kind", kind)


_PLACES = {"GPE", "LOC"}
"""The types whose names another entity may claim (E4's metonymy): the only alias-less entities a NAME can name."""


def _check_names_of_aliasless(tables, mentions: pa.Table, entity: np.ndarray, candidates: np.ndarray,
                              entity_names: tuple[np.ndarray, pa.Array], report: Report) -> None:
    """NAME mentions of entities that list no alias (few rows, judged one by one): one that is its
    entity's own name is one (M1, matched as for every entity); else a place's holds whole words of
    its name; any other's is no name of it."""
    rows = np.flatnonzero(candidates & (entity >= 0))
    if len(rows):
        rows = rows[~_names_of_their_entities(entity, column(mentions, "text"), rows, *entity_names)]
    if not len(rows):
        return
    catalogue = arrow_of(tables, "entities", ("name", "type"))
    if catalogue is None:
        return
    rows = rows[texts_are_slices(tables, "mentions", mentions, rows, ("start", "end", "text"))]
    names, types = column(catalogue, "name").to_pylist(), column(catalogue, "type").to_pylist()
    for row, mention_id, entity_id, text in zip(rows, ids_at(mentions, "mentions", rows), values_at(mentions, "entity_id", rows), values_at(mentions, "text", rows)):
        own = int(entity[row])
        words = set(re.findall(r"\w+", str(names[own] or "")))
        if types[own] in _PLACES and text and set(re.findall(r"\w+", text)) <= words:
            continue
        report.add("mentions", "name-mention-not-alias", f"{text!r} is a NAME mention of {entity_id!r}, which lists no alias: only a place's "
                   f"name claimed by another entity (E4) may name one, in words of its own name (E6, M1)", mention_id, "text", text)


def _entity_names(entities: pa.Table) -> tuple[np.ndarray, pa.Array]:
    """Every alias and name of every entity, and the entity row each belongs to."""
    aliases = column(entities, "aliases")
    owner = np.concatenate([pc.list_parent_indices(aliases).to_numpy(zero_copy_only=False).astype(np.int64), np.arange(entities.num_rows)])
    names = pa.concat_arrays([pc.list_flatten(aliases).cast(pa.large_string()), column(entities, "name").cast(pa.large_string())])
    return owner, names


def _names_of_their_entities(entity: np.ndarray, texts, rows: np.ndarray, owner: np.ndarray, names: pa.Array) -> np.ndarray:
    """Per row of `rows`: its text is a name of its entity (`entity[row]`), as written first, else
    with every space separator read as a space (M6: a name written with another is still the name)."""
    named = _named(entity[rows], texts.take(pa.array(rows, pa.int64())).cast(pa.large_string()), owner, names)
    if not named.all():
        unnamed = rows[~named]
        named[np.flatnonzero(~named)] = _named(entity[unnamed], _spaced(texts.take(pa.array(unnamed, pa.int64()))), owner, _spaced(names))
    return named


def _named(entity: np.ndarray, texts: pa.Array, owner: np.ndarray, names: pa.Array) -> np.ndarray:
    """Per text: it is one of the names (or aliases) whose owner is its entity."""
    dictionary = pc.unique(names)
    name_codes = pc.fill_null(pc.index_in(names, value_set=dictionary), -2).to_numpy(zero_copy_only=False).astype(np.int64)
    text_codes = pc.fill_null(pc.index_in(texts, value_set=dictionary), -1).to_numpy(zero_copy_only=False).astype(np.int64)
    width = len(dictionary) + 1
    return (text_codes >= 0) & np.isin(entity * width + text_codes, owner * width + name_codes)


def _spaced(values: pa.Array) -> pa.Array:
    """Every Unicode space separator as U+0020, as alias coverage matches them (M6)."""
    return pc.replace_substring_regex(values.cast(pa.large_string()), _SPACES, " ")


def check_exclusion_aliases(tables, report: Report) -> None:
    """An exclusion's text is one of its entity's names or aliases (M5: the alias occurrence that
    does not refer to the entity), words joined by any space separator (M6)."""
    exclusions = arrow_of(tables, "mention_exclusions", ("article_id", "start", "end", "entity_id", "text"))
    entities = arrow_of(tables, "entities", ("name", "aliases"))
    if exclusions is None or entities is None or not exclusions.num_rows:
        return
    aliases = column(entities, "aliases")
    text = column(exclusions, "text")
    if not pa.types.is_list(aliases.type) or not (pa.types.is_string(text.type) or pa.types.is_large_string(text.type)):
        return
    owner, names = _entity_names(entities)
    entity = key_positions(tables, "mention_exclusions", "entity_id", "entities", "entity_id")
    rows = np.flatnonzero(entity >= 0)  # a dangling entity is dangling-foreign-key's finding
    if not len(rows):
        return
    wrong = rows[~_names_of_their_entities(entity, text, rows, owner, names)]
    wrong = wrong[texts_are_slices(tables, "mention_exclusions", exclusions, wrong, ("start", "end", "text"))]
    for exclusion_id, entity_id, value in zip(ids_at(exclusions, "mention_exclusions", wrong), values_at(exclusions, "entity_id", wrong), values_at(exclusions, "text", wrong)):
        report.add("mention_exclusions", "exclusion-not-alias", f"an exclusion is an occurrence of one of its entity's aliases; {value!r} is none of {entity_id!r}'s (M5)",
                   exclusion_id, "entity_id", entity_id)
