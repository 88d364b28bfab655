"""G2's final sentence punctuation and clause stops, one definition for the extractor and validate.

The extractor stops claims and indirect speech before it (`extract.text.without_final_punctuation`)
and `indirect-span-final-punctuation` refuses an indirect span ending on it; the set was written
in both and drifted (review15: `…`). Pure Python and no numpy: the extract command imports it."""

FINAL_PUNCTUATION = ".!?…"
"""Characters that end a sentence: full stop, exclamation and question marks, the ellipsis (U+2026)."""

CLAUSE_STOPS = ",;:"
"""The comma, semicolon and colon after a span's last word, which no span without marks ends on
(G2; `span-ends-on-clause-stop`)."""
