"""The speed-ups of branch extract-fast (issue 17) change no result: every faster form equals the
simple definition it replaced, on generated text."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

import landstrikes.extract.run  # noqa: F401  (imports every extract module, so every regex pair is made)
from landstrikes.extract import cues, indirect, marked, quotes
from landstrikes.extract.speakers import body_nominals, nominals, pronouns
from landstrikes.quotemarks import scan_quote_marks
from landstrikes.extract.guard import DEFINED_AND_REWRITTEN, PLAIN_AND_TRIED, word_trie

# --- word alternations written as tries (guard.word_trie, guard.with_words) ----------------------

SMALL_WORDS = st.lists(st.text("ab- ", min_size=1, max_size=4), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(SMALL_WORDS, st.text("ab- ", max_size=5))
def test_a_word_trie_matches_exactly_its_words(words, candidate):
    """The trie is the same set of strings as the alternation: a word prefix of another (`a`,
    `ab`), words with a blank or a hyphen, and strings that are no word."""
    assert (re.fullmatch(word_trie(words), candidate) is not None) == (candidate in words)


TRIED = [fast for _, _, fast in PLAIN_AND_TRIED]
PAIRS = [(re.compile(plain, flags), fast) for plain, flags, fast in PLAIN_AND_TRIED] + [
    (definition, fast) for definition, fast in DEFINED_AND_REWRITTEN if fast is indirect._ACCORDING
]


def test_the_quote_rules_scan_with_word_tries():
    assert {cues.VERB_RE, marked._CUE_AFTER, marked._CUE_BEFORE, marked._VERB_OR_LABEL, marked._NESTED_CUE_AFTER,
            indirect._NEXT_CUE, indirect._PREPOSED_SUBJECT_FIRST, indirect._PREPOSED_VERB_FIRST,
            nominals._DEFINITE_ROLE, body_nominals._DEFINITE_BODY, nominals._TITLE_AFTER, pronouns._GENDERED} <= set(TRIED)
    assert indirect._ACCORDING in {fast for _, fast in PAIRS}


_WORDS = sorted({w.replace("\\", "") for definition, _ in PAIRS for w in re.findall(r"[A-Za-z]+(?:(?:\\?[- ])[a-z]+)?", definition.pattern)})
WORD_PIECES = (
    _WORDS + [w[:-1] for w in _WORDS if len(w) > 2] + [w + "s" for w in _WORDS[::3]] + [w.upper() for w in _WORDS[::5]]
    + [w.capitalize() for w in _WORDS[::4]] + list(" ,.;:!?\n-‑'’\"“”") + [
        "  ", "ſ", "K", "İ", "ı", "é", "_", "3", "the ", "The ", "his ", "Her ", "former ", "ex-", "that ", "has ", "Ann Lee",
        "according to", "According to", "ACCORDING TO", "xaccording to", "according tot",
    ]
)
WORD_TEXT = st.lists(st.sampled_from(WORD_PIECES), max_size=24).map(lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts))
EDGE_PIECES = [
    "according to", "According to", "xaccording to", "according tox", "_according to", "3According to", "said", "xsaid", "saidx",
    "went on", "went", "The ", "the chairman", "the chairmen", "his former minister", " Ann", "the committee", "the committees",
    "he", "hers", "She", "shex", ",", ".", " ", "\n", "“", "”", "ſaid", "KI",
]
EDGE_TEXT = st.lists(st.sampled_from(EDGE_PIECES), max_size=12).map("".join)


def _found(rx: re.Pattern, text: str, pos: int, endpos: int) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(text, pos, endpos)]


@settings(max_examples=600, deadline=None)
@given(WORD_TEXT | EDGE_TEXT, st.integers(0, 8), st.integers(0, 8))
@example(", the chairman said.", 0, 0)
@example("his ex-president Ann said, saying that", 0, 0)
@example("\u201c, he went on said", 0, 0)
def test_every_regex_of_a_word_trie_finds_what_its_plain_alternation_finds(text, cut_start, cut_end):
    """Spans and groups, search, finditer and match, on the whole text and in a window."""
    pos, endpos = min(cut_start, len(text)), max(0, len(text) - cut_end)
    for definition, fast in PAIRS:
        for a, b in ((0, len(text)), (pos, endpos)):
            assert _found(fast, text, a, b) == _found(definition, text, a, b), definition.pattern[:60]
            plain, quick = definition.match(text, a, b), fast.match(text, a, b)
            assert (plain and (plain.span(), plain.groups())) == (quick and (quick.span(), quick.groups())), definition.pattern[:60]


# --- the masked text (quotes._masked) ------------------------------------------------------------

MASK_TEXT = st.lists(st.sampled_from(list('“”"‘’\' \n\r') + ["We won.", "x", "Ann said", "\r\n"]), max_size=20).map("".join)


def masked_by_the_regex(text: str, pairs) -> str:
    """The definition: every quoted character but a line break blanked by one regex."""
    pieces, done = [], 0
    for p in pairs:
        start, end = max(p.open + 1, done), p.close
        if end <= start:
            continue
        pieces.append(text[done:start])
        pieces.append(re.sub(r"[^\n\r]", " ", text[start:end]))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


@settings(max_examples=300, deadline=None)
@given(MASK_TEXT)
def test_quoted_words_are_blanked_like_the_regex_blanks_them(text):
    pairs, _ = scan_quote_marks(text)
    assert quotes._masked(text, pairs) == masked_by_the_regex(text, pairs)


# --- the extract command goes without numpy (nopandas.arrow_without_numpy) -----------------------

import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pyarrow.parquet as pq  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "dataset" / "raw"
PROBE = """
import json, sys
from landstrikes.cli import main
code = main(sys.argv[1:])
print(json.dumps({"exit": code, "numpy": "numpy" in sys.modules, "pandas": "pandas" in sys.modules}))
"""


def _files(out: Path) -> dict[str, list[dict]]:
    return {f.relative_to(out).as_posix(): pq.ParquetFile(f).read().to_pylist() for f in sorted((out / "data").rglob("*.parquet"))}


def test_the_extract_command_imports_no_numpy_and_writes_what_a_process_with_numpy_writes(tmp_path):
    from landstrikes.extract.run import extract_folder

    assert "numpy" in sys.modules  # this test process has it, as library callers may
    for procs in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", PROBE, "extract", str(RAW), "--out", str(tmp_path / f"cli-{procs}"),
                               "--num-proc", procs], cwd=REPO, capture_output=True, text=True, timeout=300)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        assert result == {"exit": 0, "numpy": False, "pandas": False}, done.stderr[-2000:]
        extract_folder(RAW, tmp_path / f"library-{procs}", num_proc=int(procs))
        assert _files(tmp_path / f"cli-{procs}") == _files(tmp_path / f"library-{procs}")


def test_going_without_numpy_is_skipped_once_pyarrow_is_imported():
    from landstrikes.extract.nopandas import arrow_without_numpy

    assert arrow_without_numpy() is False  # (this process imported pyarrow with numpy: nothing to change)
    code = ("import sys; from landstrikes.extract.nopandas import arrow_without_numpy; print(arrow_without_numpy(), "
            "arrow_without_numpy(), 'numpy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == ["True", "False", "False"], done.stderr[-2000:]


# --- a preposed report is looked for only after a verb past the last comma (indirect) ------------

from landstrikes.extract.text import all_sentences  # noqa: E402

REPORT_PIECES = ["Anglers could face court", "the plan would fail", ", ", ",", " ", ". ", "! ", "a committee of MPs", "officials",
                 "has warned", "said", "says", "told jurors", "on Monday", "in a statement", "declaration", "arguing", "Ann Lee",
                 "said the Beijing News", "warned", "that", "x", "“", "”", "\n", "saidx", "insisted"]
REPORT_TEXT = st.lists(st.sampled_from(REPORT_PIECES), max_size=24).map("".join)


@settings(max_examples=500, deadline=None)
@given(REPORT_TEXT)
@example("Anglers could face court, a committee of MPs has warned.")
@example("the plan would fail, said the Beijing News.")
@example("Ann Lee said the plan would fail, officials said.")  # (a verb before the comma too)
def test_every_preposed_report_has_a_verb_after_its_last_comma(text):
    """The quick check never drops a report the rule finds (without masks: more reports)."""
    verbs = list(cues.VERB_RE.finditer(text))
    for sentence in all_sentences.__wrapped__(text):
        inside = [v for v in verbs if sentence.start <= v.start() and v.end() <= sentence.end]
        if indirect._preposed_report(text, sentence, [], []) is not None:
            assert indirect._verb_after_last_comma(text, sentence, inside)


# --- role nominals tried only where they can start (speakers.nominals.definite_roles) ------------

ROLE_PIECES = ["the ", "The ", "THE ", "his ", "His ", "her ", "HER ", "tHe ", "hİs ", "hıs ", "thė ", "ſ", "K", "other ", "these ",
               "minister", "Minister", "spokesman", "ex-president", "former ", "ex ", "chief ", "US ", "Ann", " ", "  ", ".", ",",
               "\n", "x", "_", "3", "president", "President Lee", "secretary"]
ROLE_TEXT = st.lists(st.sampled_from(ROLE_PIECES), max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(ROLE_TEXT)
@example("the minister, his spokesman and her ex-president")
@example("the the minister")  # (a candidate inside an earlier candidate's words)
@example("hıs minister")  # (a dotless i: case-blind it is `his`; the text is scanned plainly)
def test_role_nominals_found_at_their_possible_starts_equal_the_case_blind_scan(text):
    found = [(m.span(), m.groups()) for m in nominals.definite_roles(text)]
    assert found == [(m.span(), m.groups()) for m in nominals._DEFINITE_ROLE.finditer(text)]


@given(st.lists(st.sampled_from(["According to", "according to", "ACCORDING TO", "Ann Lee", ", ", "x", " "]), max_size=8).map("".join))
def test_according_before_a_quotation_always_holds_its_words(text):
    """`marked._classify_pair` looks for `_ACCORDING_BEFORE` only where `ccording to` occurs."""
    if marked._ACCORDING_BEFORE.search(text):
        assert "ccording to" in text
