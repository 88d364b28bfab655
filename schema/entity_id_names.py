"""E3: `entity_id` is a readable slug of the entity's canonical name, so the id shares a word with
the name or one of its aliases. Words are compared by their first four letters, after NFKD and
lower case, so that E3's shortened slugs still pass (`boat-strike-campaign` for "US strikes on
drug-smuggling boats", `eo-13864` for "Executive Order 13864" with its alias "EO 13864", `cia` for
the alias "CIA"). attack35: the ids `donald-trump` and `claudia-sheinbaum` swapped in every table at
once (entities, mentions, speakers, claimants, holders, stance ids), as an id map off by one row
writes them, validated: every reference still met a row of the right type
[entity-id-not-its-name]. It catches an id given to an entity it does not name, not a swap of two
entities that share a word ("mexico", "mexicans"). The extractor's rows are exempt (its id is its
own slug of the name it chose), and so is a name with no ASCII letter or digit (E3's slug of it is
the annotator's transliteration). All on Arrow: the id's words and the names' words as
`row:word` keys, one `is_in`; Python only names the failing rows."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.ascii_words import folded_each, joined, other_script
from landstrikes.schema.census_arrow import arrow_of, ids_at, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report

_PREFIX = 4


def _row_words(rows: np.ndarray, spelt: pa.Array) -> pa.Array:
    """`row:word` for each word (first four letters) of each `folded` value (ascii_words), its row
    given by `rows`."""
    spaced = pc.replace_substring_regex(spelt, r"[^a-z0-9]+", " ")
    words = pc.split_pattern(pc.utf8_trim_whitespace(spaced), " ")
    parents = pc.list_parent_indices(words).to_numpy(zero_copy_only=False)
    flat = pc.utf8_slice_codeunits(pc.list_flatten(words), 0, _PREFIX)
    keep = pc.greater(pc.utf8_length(flat), 0)
    owners = pa.array(rows[parents], pa.int64()).cast(pa.large_string())
    return pc.binary_join_element_wise(owners, flat.cast(pa.large_string()), pa.scalar(":", pa.large_string())).filter(keep)


def check_entity_id_names(tables, report: Report) -> None:
    entities = arrow_of(tables, "entities", ("name", "aliases"))
    if entities is None or not entities.num_rows:
        return
    ids, names, aliases = column(entities, "entity_id"), column(entities, "name"), column(entities, "aliases")
    if not all(pa.types.is_string(a.type) or pa.types.is_large_string(a.type) for a in (ids, names)) \
            or not pa.types.is_list(aliases.type) and not pa.types.is_large_list(aliases.type):
        return
    judged = pc.and_(pc.is_valid(ids), pc.is_valid(names))
    if "source" in entities.column_names:
        judged = pc.and_(judged, pc.fill_null(pc.not_equal(column(entities, "source"), "auto"), True))
    rows = np.arange(entities.num_rows)
    alias_rows = rows[pc.list_parent_indices(aliases).to_numpy(zero_copy_only=False)] if len(pc.list_flatten(aliases)) else rows[:0]
    # every value folded in one call (ascii_words.folded_each), the names' and aliases' words also
    # read with their punctuation dropped (`N'Djamena`: `ndjamena`), all joined in one call
    name_letters, alias_letters, id_letters = folded_each(
        names.fill_null(""), pc.list_flatten(aliases).fill_null(""), pc.replace_substring(ids.fill_null(""), "-", " "))
    both_joined = joined(pa.concat_arrays([name_letters, alias_letters]))
    name_joined, alias_joined = both_joined.slice(0, len(name_letters)), both_joined.slice(len(name_letters))
    named = _row_words(np.concatenate([rows, rows, alias_rows, alias_rows]),
                       pa.concat_arrays([name_letters, name_joined, alias_letters, alias_joined]))
    # a name with no ASCII letter or digit, or with a word in another script, is slugged by transliteration
    spelt = pc.utf8_length(pc.replace_substring_regex(name_letters, r"[^a-z0-9]+", ""))
    judged = pc.and_(judged, pc.and_(pc.greater(spelt, 0), pc.invert(other_script(name_letters))))
    own = _row_words(rows, id_letters)
    shared = pc.is_in(own, value_set=named).to_numpy(zero_copy_only=False)
    own_rows = np.asarray(pc.cast(pc.extract_regex(own, r"^(?P<row>[0-9]+):").field("row"), pa.int64()).to_numpy(zero_copy_only=False))
    matched = np.zeros(entities.num_rows, bool)
    matched[own_rows[shared]] = True
    bad = np.flatnonzero(judged.to_numpy(zero_copy_only=False) & ~matched)
    for entity_id, name in zip(ids_at(entities, "entities", bad), values_at(entities, "name", bad)):
        report.add("entities", "entity-id-not-its-name",
                   f"entity_id shares no word with its name {name!r} or an alias: an id is a slug of the entity's canonical name (E3)",
                   entity_id, "entity_id", entity_id)
