"""Python's whitespace (`str.isspace`), spelled once: the checks that look for spaces with RE2
(whose `\\s` is ASCII only) and free text's rule (G7) read the same set. It had been written out
twice, as segment_starts' RE2 class and as free_text's list."""

PYTHON_WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                     "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
"""Every character `str.isspace` calls whitespace (tests/test_whitespace.py asks it of every code point)."""


def re2_class(characters: str) -> str:
    """The body of an RE2 character class holding exactly `characters`, each as its code point."""
    return "".join(f"\\x{{{ord(char):x}}}" for char in characters)
