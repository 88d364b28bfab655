"""The words an ASCII slug is compared with (E3's entity id, Q12's cluster id): a name's or a
quote's letters folded to ASCII the way a slug spells them. attack37: both checks split a word at
every character outside a-z0-9 after NFKD, so a diacritic inside a word's first four letters
(`Mérida` -> `me` + `rida`), a Latin letter NFKD leaves whole (`Øresund`, `Łódź`, `Æ`) and a word
joined by an apostrophe (`N'Djamena`, the quote builder's one word `don't`) never met the slug
`merida`, `oresund`, `ndjamena` or `q-dont`.

- `folded`: lower case, NFKD, combining marks dropped, the Latin letters without a decomposition
  spelled as a slug spells them (ø o, ł l, æ ae, œ oe, ß ss, đ/ð d, þ th, ı i, ħ h);
- `joined`: the same with every character but letters, digits and blanks dropped (`ndjamena`,
  `dont`, `alqaeda`, `us`, `att` for AT&T), words a slug may write as one;
- `other_script`: whether a folded value still holds a letter outside a-z (Cyrillic, Greek,
  Arabic, CJK ...): a slug of such a word is a transliteration, which no word comparison meets.
All Arrow kernels, linear in the text."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

_SPELLED = (("ø", "o"), ("ł", "l"), ("æ", "ae"), ("œ", "oe"), ("ß", "ss"), ("đ", "d"), ("ð", "d"), ("þ", "th"),
            ("ı", "i"), ("ħ", "h"))


def folded(values: pa.Array) -> pa.Array:
    text = pc.utf8_normalize(pc.utf8_lower(values.cast(pa.large_string())), form="NFKD")
    text = pc.replace_substring_regex(text, r"\p{Mn}+", "")
    for letter, spelled in _SPELLED:
        text = pc.replace_substring(text, letter, spelled)
    return text


def folded_each(*arrays: pa.Array) -> list[pa.Array]:
    """`folded` of each array, in one call over them all: folding is value by value, so each part
    is what `folded` gives it alone, but its Unicode patterns are compiled once, not per array
    (Arrow compiles a regex per call: ~0.6 ms for `\\p{Mn}`, most of a small corpus's fold)."""
    spelt = folded(pa.concat_arrays([array.cast(pa.large_string()) for array in arrays]))
    starts = [0]
    for array in arrays:
        starts.append(starts[-1] + len(array))
    return [spelt.slice(start, end - start) for start, end in zip(starts, starts[1:])]


def joined(values: pa.Array) -> pa.Array:
    """`folded` values with every character but letters, digits and blanks dropped."""
    return pc.replace_substring_regex(values, r"[^\p{L}\p{N}\p{Z}\s]+", "")


def other_script(values: pa.Array) -> pa.Array:
    """On `folded` values: holds a letter outside a-z."""
    return pc.fill_null(pc.match_substring_regex(values, r"[^\P{L}a-z]"), False)
