"""Regexes with a first-character guard: the same matches, found faster. (Two more tools below
for the scans where a guard is not enough: `rewritten`, a hand-written form kept beside its
definition, and `folded`, a case-blind regex run case-sensitively on lowered text.)

Python's regex engine tries a pattern at every position of the text; for a pattern that starts
with a `\\b` and an alternation of words (`\\b(?:said|says|told|...)`) or an optional group, each
try walks into the alternatives before failing. `guarded(rx)` puts a lookahead in front that
admits only the characters a match can start with, read off the parsed pattern, so most
positions fail at once. A lookahead that every match satisfies removes no match and moves none:
the matches are the same (tests/test_extract_speed_rules.py checks every guarded regex against
its plain form on generated text). When the first characters cannot be read off safely (a
pattern that can match the empty string, starts with `.`, a back-reference or an inline flag),
the plain regex is returned unchanged.
"""

from __future__ import annotations

import re

try:  # the parser of Python's own `re` (3.11+): private, so a Python without it gets plain regexes
    from re import _constants as c, _parser as parser
except ImportError:  # pragma: no cover
    c = parser = None

PLAIN_AND_GUARDED: list[tuple[re.Pattern, re.Pattern]] = []
"""Every (plain, guarded) pair made, for the equality tests."""
DEFINED_AND_REWRITTEN: list[tuple[re.Pattern, re.Pattern]] = []
"""Every (definition, hand-rewritten form) pair made by `rewritten`, for the equality tests."""

_CATEGORIES = {
    c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
    c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W",
}


def guarded(rx: re.Pattern) -> re.Pattern:
    """rx with a lookahead for the characters its matches can start with (or rx itself)."""
    first = first_characters(rx) if parser is not None else None
    if first is None:
        return rx
    fast = re.compile(f"(?={first})(?:{rx.pattern})", rx.flags)
    PLAIN_AND_GUARDED.append((rx, fast))
    return fast


def rewritten(definition: re.Pattern, faster: str) -> re.Pattern:
    """`faster`, a hand-written regex with the same matches (spans and groups) as `definition`,
    compiled with its flags. A lookahead guard keeps the engine from skipping ahead in C: a
    pattern that opens with one character class (`[.!?"”](?:(?<=[.!?])...|...)`, the branches
    told apart by a lookbehind on that character) lets it, and a word read as one class repeat
    (`[^\\W_]*+`) is not a branch tried per letter. The pair is kept for the equality tests
    (tests/test_extract_speed_rules.py), which compare the two on generated text."""
    fast = re.compile(faster, definition.flags)
    DEFINED_AND_REWRITTEN.append((definition, fast))
    return fast


def word_trie(words) -> str:
    """The alternation `(?:said|says|...)` of `words` written as a trie (`s(?:a(?:id|ys))`): the
    same strings, but the engine walks one branch per letter instead of trying every word. It
    finds what the plain alternation finds wherever a word end follows (a `\\b`, a blank or the
    text end after a word of letters): there at most one of the words fits, whatever their order
    (tests/test_extract_speed_rules.py compares every regex built from both forms)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_branches(tree) + ")"


def _trie_branches(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_branches(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    if ends:
        return ("(?:" + body + ")" if len(branches) == 1 else body) + "?"
    return body


PLAIN_AND_TRIED: list[tuple[str, int, re.Pattern]] = []
"""Every (plain pattern, flags, trie form) made by `with_words`, for the equality tests (the plain
form is compiled by the tests only: a process pays for compiling the form it scans with)."""


def with_words(template: str, flags: int = 0, faster: str | None = None, **alternations) -> re.Pattern:
    """`template` with each `<NAME>` replaced by the words of `alternations[NAME]` as a trie
    (`word_trie`); its definition, the plain alternation of the words (escaped, in the order
    given), is kept as text for the equality tests. `faster`: a hand-written form of the template
    to scan with instead (as `rewritten`), compared with the plain template all the same."""
    plain, fast = template, faster or template
    for name, words in alternations.items():
        plain = plain.replace(f"<{name}>", "(?:" + "|".join(re.escape(w) for w in words) + ")")
        fast = fast.replace(f"<{name}>", word_trie(words))
    tried = re.compile(fast, flags)
    PLAIN_AND_TRIED.append((plain, flags, tried))
    return tried


CASELESS_AND_FOLDED: list[tuple[re.Pattern, re.Pattern]] = []
"""Every (IGNORECASE, folded) pair made by `folded`, for the equality tests."""
_NAMES_AND_ESCAPES = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)")


def folded(rx: re.Pattern) -> re.Pattern:
    """rx without IGNORECASE, to scan `text.lowered(text)` instead of the text: the same spans,
    found two to three times faster (a case-blind compare per letter and branch is what made
    these scans slow). Only for patterns whose letters are all lower case; groups then hold
    lowered text, so callers read them case-blind (tests/test_extract_speed_rules.py)."""
    if not rx.flags & re.IGNORECASE or re.search("[A-Z]", _NAMES_AND_ESCAPES.sub("", rx.pattern)):
        raise ValueError(f"not a case-blind pattern of lower-case letters: {rx.pattern[:60]}")
    fast = re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)
    CASELESS_AND_FOLDED.append((rx, fast))
    return fast


def first_characters(rx: re.Pattern) -> str | None:
    """A regex for one character that every match of rx starts with, or None if unknown."""
    try:
        found = _sequence(parser.parse(rx.pattern, rx.flags))
    except (re.error, TypeError, ValueError):
        return None
    if found is None or found[1] or not found[0]:
        return None  # unknown, or rx can match the empty string
    fragments = list(dict.fromkeys(found[0]))  # (each once, in order)
    plain = "".join(dict.fromkeys(f[1:-1] if f.startswith("[") else f for f in fragments if not f.startswith("[^")))
    negated = [f for f in fragments if f.startswith("[^")]
    return "|".join(([f"[{plain}]"] if plain else []) + negated)


def _sequence(items) -> tuple[list[str], bool] | None:
    """(first-character fragments, can the sequence match empty?) of a parsed sequence."""
    out: list[str] = []
    for op, av in items:
        found = _item(op, av)
        if found is None:
            return None
        out += found[0]
        if not found[1]:
            return out, False
    return out, True


def _item(op, av) -> tuple[list[str], bool] | None:
    if op is c.LITERAL:
        return [re.escape(chr(av))], False
    if op is c.IN:
        one = _class(av)
        return ([one], False) if one is not None else None
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return [], True  # zero width: the character after it starts the match
    if op is c.BRANCH:
        out, empty = [], False
        for branch in av[1]:
            found = _sequence(branch)
            if found is None:
                return None
            out += found[0]
            empty = empty or found[1]
        return out, empty
    if op is c.SUBPATTERN:
        _, add_flags, del_flags, items = av
        return None if add_flags or del_flags else _sequence(items)
    if op is c.ATOMIC_GROUP:
        return _sequence(av)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, items = av
        found = _sequence(items)
        return None if found is None else (found[0], found[1] or low == 0)
    return None  # ANY, NOT_LITERAL, GROUPREF, ...: not read off here


def _class(items) -> str | None:
    """The text of a parsed character class ([...] or [^...]), or None for a part not handled."""
    negate, parts = False, []
    for op, av in items:
        if op is c.NEGATE:
            negate = True
        elif op is c.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is c.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is c.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            return None
    return ("[^" if negate else "[") + "".join(parts) + "]"
