"""The speed-ups of issue 17 change no result: each faster form equals the plain definition it
replaced, on generated text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from landstrikes.extract.entities import _BREAK, _TOKEN, _sentence_starts, _used_lower

PIECES = list("ab Z.,!?:;\n\r\t\u00a0“\"‘(•·▪–—-”’)'") + ["Word", "The", "the", " ", "  ", "don't", "it’s"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def after_sentence_break(text: str, start: int) -> bool:
    """The definition: walk back over blanks; a text/line start, an opening quote, bracket, bullet
    or dash, or sentence punctuation (possibly behind a closing mark) followed by a blank."""
    j = start - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0:
        return True
    c = text[j]
    if c in "\n\r“\"‘(•·▪–—-":
        return True
    if c in "”’)" and j > 0:
        c = text[j - 1]
    return c in ".!?:;" and j < start - 1


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_sentence_starts_from_one_scan_equal_the_backwards_walk(text):
    starts = _sentence_starts(text)
    for m in _TOKEN.finditer(text):
        assert (m.start() in starts) == after_sentence_break(text, m.start())


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_sentence_starts_in_two_scans_equal_the_one_break_regex(text):
    assert _sentence_starts(text) == {m.end() for m in _BREAK.finditer(text)}


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["the", "word", "don", "t", "it"]))
def test_lower_case_use_is_the_whole_word_check_of_the_old_word_set(text, word):
    import re

    lowered = set(re.findall(r"(?<![\w’'‑-])[^\W\d_A-Z][\w’'‑-]*", text))
    assert _used_lower(text, word, {}) == (word in lowered)


# --- regex first-character guards (landstrikes.extract.guard) -----------------------------------

import re  # noqa: E402

import landstrikes.extract.run  # noqa: E402,F401  (imports every extract module, so every guard is made)
from landstrikes.extract.guard import PLAIN_AND_GUARDED, guarded  # noqa: E402

_WORDS = sorted({w for plain, _ in PLAIN_AND_GUARDED for w in re.findall(r"[A-Za-z]+", plain.pattern)})
GUARD_PIECES = _WORDS + list(" ,.;:!?\n'’\"“”-‑$€£%()") + ["1", "12", "1,000", "2005", "٣", "of", "the", "said", "ſ", "K", "İ", "ı", "Ǆ", "ǅ", "é", "É", "U.S.", "  "]
GUARD_TEXT = st.lists(st.sampled_from(GUARD_PIECES), max_size=30).map(lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts))


def _found(rx: re.Pattern, text: str, pos: int, endpos: int) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(text, pos, endpos)]


def test_the_extractor_has_its_guarded_regexes():
    assert len(PLAIN_AND_GUARDED) >= 8  # (the quote rules' word alternations are tries now: tests/test_extract_fast.py)


@settings(max_examples=400, deadline=None)
@given(GUARD_TEXT, st.integers(0, 8), st.integers(0, 8))
def test_every_guarded_regex_finds_exactly_what_its_plain_form_finds(text, cut_start, cut_end):
    pos, endpos = min(cut_start, len(text)), max(0, len(text) - cut_end)
    for plain, fast in PLAIN_AND_GUARDED:
        assert _found(fast, text, 0, len(text)) == _found(plain, text, 0, len(text)), plain.pattern[:60]
        assert _found(fast, text, pos, endpos) == _found(plain, text, pos, endpos), plain.pattern[:60]
        first = plain.search(text, pos, endpos)
        again = fast.search(text, pos, endpos)
        assert (first and (first.span(), first.groups())) == (again and (again.span(), again.groups()))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_guarded_regexes_agree_on_arbitrary_unicode(text):
    for plain, fast in PLAIN_AND_GUARDED:
        assert _found(fast, text, 0, len(text)) == _found(plain, text, 0, len(text)), plain.pattern[:60]


def test_a_regex_whose_first_character_cannot_be_read_off_stays_plain():
    for pattern in ("a*", "(?:x|)y?", ".b", "(?i:x)y", "(?=a)?", "[^x]?"):
        rx = re.compile(pattern)
        assert guarded(rx) is rx, pattern
    assert guarded(re.compile(r"\bsaid\b|told")).pattern.startswith("(?=[st])")
    assert guarded(re.compile(r"(a)\1")).match("aa").group(1) == "a"  # groups keep their numbers


# --- the word-list cache (landstrikes.extract.listcache) -----------------------------------------

import json  # noqa: E402
from pathlib import Path  # noqa: E402

from landstrikes.extract import gazetteer  # noqa: E402
from landstrikes.extract.listcache import cache_key, cached_lists  # noqa: E402

SMALL = {"places": lambda: {"Paris": ("Paris", "GPE"), "UK": ("United Kingdom", "GPE")},
         "towns": lambda: frozenset({"Carlisle", "Zürich"}), "names": lambda: {"Ann": "female", "Sam": None}}


def test_word_lists_read_from_the_cache_equal_the_lists_built_from_the_packages(tmp_path, monkeypatch):
    monkeypatch.setenv("LANDSTRIKES_CACHE_DIR", str(tmp_path))
    built = {name: build() for name, build in gazetteer.LIST_BUILDERS.items()}
    first = cached_lists(gazetteer.LIST_BUILDERS, gazetteer.LIST_PACKAGES, Path(gazetteer.__file__))
    assert len(list(tmp_path.glob("wordlists-*.json"))) == 1
    again = cached_lists({name: None for name in gazetteer.LIST_BUILDERS}, gazetteer.LIST_PACKAGES, Path(gazetteer.__file__))
    for lists in (first, again):  # the second never calls a builder (None would raise): it is read
        assert lists == built
        assert {name: type(value) for name, value in lists.items()} == {name: type(value) for name, value in built.items()}
        assert all(type(v) is tuple for v in lists["places"].values())


def test_a_corrupt_or_foreign_cache_file_is_rebuilt_not_an_error(tmp_path, monkeypatch):
    monkeypatch.setenv("LANDSTRIKES_CACHE_DIR", str(tmp_path))
    path = tmp_path / f"wordlists-{cache_key(Path(gazetteer.__file__), ())}.json"
    expected = {name: build() for name, build in SMALL.items()}
    for junk in ("", "{not json", "[]", json.dumps({"places": 1}), json.dumps({n: {"dict": [[1, 2]], "tuple_values": False} for n in SMALL}),
                 json.dumps({n: {"frozenset": [None]} for n in SMALL})):
        path.write_text(junk, encoding="utf-8")
        assert cached_lists(SMALL, (), Path(gazetteer.__file__)) == expected
        assert cached_lists({n: None for n in SMALL}, (), Path(gazetteer.__file__)) == expected  # rewritten, now read


def test_an_unwritable_cache_folder_still_gives_the_lists(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("LANDSTRIKES_CACHE_DIR", str(blocker / "cache"))
    assert cached_lists(SMALL, (), Path(gazetteer.__file__)) == {name: build() for name, build in SMALL.items()}
    assert list(tmp_path.iterdir()) == [blocker]


def test_the_cache_key_follows_the_builder_code_and_the_packages(tmp_path):
    one, two = tmp_path / "one.py", tmp_path / "two.py"
    one.write_text("A = 1\n")
    two.write_text("A = 2\n")
    assert cache_key(one, ("names",)) == cache_key(one, ("names",))
    assert cache_key(one, ("names",)) != cache_key(two, ("names",))
    assert cache_key(one, ("names",)) != cache_key(one, ("pycountry",))


# --- the catalogue merge in dicts (landstrikes.extract.catalogue) --------------------------------

import pyarrow as pa  # noqa: E402
import pyarrow.compute as pc  # noqa: E402

from landstrikes.extract.catalogue import EVIDENCE_FIELDS, EVIDENCE_SCHEMA, merge_evidence  # noqa: E402


def _first_per_entity(table, value, weight):
    ordered = table.sort_by([("entity_id", "ascending"), (weight, "descending"), (value, "ascending")])
    ids = ordered["entity_id"]
    if len(ids) == 0:
        return ordered
    changed = pc.not_equal(ids.slice(1), ids.slice(0, len(ids) - 1))
    return ordered.filter(pa.concat_arrays([pa.array([True]), changed.combine_chunks()]))


def arrow_merge(evidence: pa.Table) -> list[dict]:
    """The definition: the Arrow group-by merge the catalogue used before (release 2.0.0)."""
    names = _first_per_entity(evidence.group_by(["entity_id", "name"]).aggregate([("mentions", "sum")]), "name", "mentions_sum")
    types = _first_per_entity(evidence.group_by(["entity_id", "type"]).aggregate([("mentions", "sum")]), "type", "mentions_sum")
    stats = evidence.group_by("entity_id").aggregate([("mentions", "sum"), ("confidence", "max"), ("entity_id", "count")])
    parents = pc.list_parent_indices(evidence["aliases"])
    flat = pa.table({"entity_id": pc.take(evidence["entity_id"], parents), "alias": pc.list_flatten(evidence["aliases"])})
    aliases = flat.group_by("entity_id").aggregate([("alias", "distinct")])
    merged = (stats.join(names.select(["entity_id", "name"]), "entity_id")
              .join(types.rename_columns(["entity_id", "type", "type_mentions"]), "entity_id").sort_by("entity_id"))
    where = pc.index_in(merged["entity_id"], value_set=aliases["entity_id"])
    return merged.append_column("alias_distinct", pc.take(aliases["alias_distinct"], where)).to_pylist()


from evidence_strategies import EVIDENCE  # noqa: E402

EVIDENCE_ROW = EVIDENCE.map(lambda row: {**row, "bucket": 0})


@settings(max_examples=300, deadline=None)
@given(st.lists(EVIDENCE_ROW, max_size=25))
def test_catalogue_merge_in_dicts_equals_the_arrow_group_by(rows):
    table = pa.Table.from_pylist(rows, schema=EVIDENCE_SCHEMA)
    expected = arrow_merge(table) if rows else []
    got = merge_evidence([tuple(r[f] for f in EVIDENCE_FIELDS) for r in rows])
    keys = ("entity_id", "name", "type", "mentions_sum", "confidence_max", "entity_id_count", "type_mentions")
    assert [{k: r[k] for k in keys} for r in got] == [{k: r[k] for k in keys} for r in expected]
    assert [sorted(r["alias_distinct"]) for r in got] == [sorted(r["alias_distinct"] or []) for r in expected]


# --- what an extract process imports -------------------------------------------------------------

import subprocess  # noqa: E402
import sys  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("landstrikes.schema.validate", "landstrikes.schema.crosschecks", "landstrikes.annotations", "landstrikes.tables",
         "yaml", "pandera", "pyarrow.dataset", "pyarrow.acero", "datasets")


def test_an_extract_process_loads_no_validation_yaml_or_arrow_query_engine(tmp_path):
    """Imports are part of the whole-process cost: extract needs the table specs and a Parquet
    writer, not the validator, the annotation sources or Arrow's query engine (which loads pandas)."""
    code = ("import sys, landstrikes.cli; code = landstrikes.cli.main(sys.argv[1:]); "
            f"print(code, [m for m in {HEAVY!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", code, "extract", str(REPO / "dataset" / "raw"), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == "0 []"


def test_schema_validate_stays_the_function_after_its_module_is_imported():
    code = ("import landstrikes.schema.validate, landstrikes.schema as s; from landstrikes.schema import validate, TABLES, Report; "
            "print(callable(validate) and validate is s.validate and validate.__name__ == 'validate', len(TABLES) > 5, Report.__name__)")
    done = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["True", "True", "Report"]


def test_the_catalogue_merged_in_many_bucket_passes_equals_one_pass(tmp_path, monkeypatch):
    import pyarrow.parquet as pq

    from landstrikes.extract import catalogue
    from landstrikes.extract.run import extract_folder

    def entities(out: Path) -> list[dict]:
        files = sorted((out / "data" / "entities").glob("*.parquet"))
        return len(files), sorted((r for f in files for r in pq.read_table(f).to_pylist()), key=lambda r: r["entity_id"])

    extract_folder(REPO / "dataset" / "raw", tmp_path / "one")
    monkeypatch.setattr(catalogue, "PASS_ROWS", 20)
    extract_folder(REPO / "dataset" / "raw", tmp_path / "many")
    (one_files, one), (many_files, many) = entities(tmp_path / "one"), entities(tmp_path / "many")
    assert one_files == 1 and many_files > 3
    assert many == one and len(one) > 50


# --- typing a group of capitalised words: a loop, not a recursive call per word -------------------

from landstrikes.extract import entities as E  # noqa: E402

NAME_PIECES = ["U.S.", "British", "President", "Ann", "Lee", "Labour", "MP", "Bank", "of", "England", "Foreign",
               "Secretary", "Mr", "New", "York", "Street", "Act", "the", "said", ",", ".", "\n"]
NAME_TEXT = st.lists(st.sampled_from(NAME_PIECES), min_size=1, max_size=30).map(" ".join)


def recursive_type_group(text, group, runs):
    """The definition: a group that splits after its first word types its rest recursively."""
    rows = E._type_group_once(text, group, runs)
    if rows and isinstance(rows[-1], E._Rest):
        return rows[:-1] + recursive_type_group(text, rows[-1].group, runs)
    return rows


@settings(max_examples=400, deadline=None)
@given(NAME_TEXT)
def test_typing_a_group_in_a_loop_equals_the_recursive_definition(text):
    toks = E._tokens(text)
    runs = E._Runs(text, toks)
    for group in E._groups(text, toks):
        assert E._type_group(text, group, runs) == recursive_type_group(text, group, runs)


def test_a_run_of_thousands_of_splitting_words_is_typed_without_recursion_error():
    for word in ("U.S. ", "British "):
        mentions = E.find_mentions(word * 3000)
        assert len(mentions) == 3000


def last_title_scanned(text, group):
    """The definition: the index of the group's last title but for its last word, -1 if none."""
    return max((i for i, t in enumerate(group[:-1]) if E._is_title(text, t)), default=-1)


def head_word_scanned(text, group):
    """The definition: the first word ending a run of the group's words (or its last) that is a
    law, body or outlet word, else the group's last word."""
    heads = [t.text for i, t in enumerate(group) if i + 1 == len(group) or text[t.end:group[i + 1].start] != " "]
    return next((w for w in heads if w in E.gz.LAW_WORDS or w in E.gz.ORG_WORDS or w in E.gz.MEDIA_WORDS), heads[-1])


HEAD_PIECES = NAME_PIECES + ["Ministry", "Times", "Council", "Act", "Gen.", "Dr.", "Foreign", "on", "and", "&", "(", ")", "  "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HEAD_PIECES), min_size=1, max_size=25).map(" ".join))
def test_a_groups_last_title_and_head_looked_up_are_the_ones_a_scan_finds(text):
    toks = E._tokens(text)
    runs = E._Runs(text, toks)
    for i in range(len(toks)):
        for j in range(i + 1, len(toks) + 1):
            run = toks[i:j]
            assert E._head_word(text, run, runs) == head_word_scanned(text, run)
            if len(run) > 1:
                assert E._last_title(text, run, runs) == last_title_scanned(text, run)
            picked = run[::2]  # not a run of the tokens: scanned as before
            assert runs.span(picked) is None or len(picked) == 1
            assert E._head_word(text, picked, runs) == head_word_scanned(text, picked)


def test_typing_a_run_of_splitting_words_asks_a_bounded_number_of_title_questions_per_word(monkeypatch):
    """Each word peeled off a run once scanned the whole rest for its last title: 3,000 words asked
    4.5 million questions (2.4 CPU-s); now a few per word. Runs in capitals too, which extract45 types
    by their title-case words (its first version made them quadratic again)."""
    asked = []
    is_title = E._is_title
    monkeypatch.setattr(E, "_is_title", lambda text, tok: asked.append(tok) or is_title(text, tok))
    for word in ("U.S. ", "British ", "President ", "BRITISH ", "PRESIDENT "):
        asked.clear()
        E.find_mentions(word * 3000)
        assert len(asked) <= 4 * 3000, (word, len(asked))


# --- hand-rewritten regexes (guard.rewritten) and the shared sentence pass ----------------------

from landstrikes.extract import text as T  # noqa: E402
from landstrikes.extract.guard import DEFINED_AND_REWRITTEN  # noqa: E402

_MARKS = "".join(sorted({ch for pair in DEFINED_AND_REWRITTEN for ch in pair[0].pattern if not ch.isalnum()}))
REWRITE_PIECES = list(_MARKS) + list(" \t\u00a0\n\r\r\n") + [
    "U.S.", "A.", "B", "Ann", "ann", "O’Neil", "it's", "’s", "x-ray", "US-led", "Mr.", "e.g.", "3", "٣", "_", "é", "É",
    "ǅ", "ſ", "K", "İ", "ı", "...", "?!", "”", "“", "’", ")", "]", "thousand", "Million", "one", "about", "some",
]
REWRITE_TEXT = st.lists(st.sampled_from(REWRITE_PIECES), max_size=40).map("".join)


def test_the_extractor_has_its_rewritten_regexes():
    assert {E._TOKEN, E._BREAK_AFTER_MARK, T._SENTENCE_END, C._DIGITS_OR_MAGNITUDE} <= {fast for _, fast in DEFINED_AND_REWRITTEN}


@settings(max_examples=500, deadline=None)
@given(REWRITE_TEXT, st.integers(0, 8), st.integers(0, 8))
@example("a..  b", 2, 0)  # a window opening inside a run of full stops: no sentence end starts there
@example("x’Ann", 2, 0)  # a window opening inside a word: no capitalised word starts there
def test_every_rewritten_regex_finds_exactly_what_its_definition_finds(text, cut_start, cut_end):
    pos, endpos = min(cut_start, len(text)), max(0, len(text) - cut_end)
    for definition, fast in DEFINED_AND_REWRITTEN:
        assert _found(fast, text, 0, len(text)) == _found(definition, text, 0, len(text)), definition.pattern[:60]
        assert _found(fast, text, pos, endpos) == _found(definition, text, pos, endpos), definition.pattern[:60]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_rewritten_regexes_agree_on_arbitrary_unicode(text):
    for definition, fast in DEFINED_AND_REWRITTEN:
        assert _found(fast, text, 0, len(text)) == _found(definition, text, 0, len(text)), definition.pattern[:60]


def sentences_of_a_line_copy(text, line):
    """The definition: the line copied out and scanned with the plain sentence-end regex."""
    out, start = [], line.start
    for match in T.SENTENCE_END_DEFINITION.finditer(text[line.start:line.end]):
        cut = line.start + match.end()
        if T._ABBREVIATION.search(text, max(start, cut - 12), cut):
            continue
        span = T.trimmed(text, start, cut)
        if span.end > span.start:
            out.append(span)
        start = cut
    span = T.trimmed(text, start, line.end)
    if span.end > span.start:
        out.append(span)
    return out


@settings(max_examples=500, deadline=None)
@given(REWRITE_TEXT)
def test_sentences_scanned_in_place_equal_the_sentences_of_the_copied_line(text):
    for line in T.lines(text):
        assert T.sentences(text, line) == sentences_of_a_line_copy(text, line)


# --- case-blind scans run case-sensitively on lowered text (guard.folded, text.lowered) ----------

from landstrikes.extract import claims as C  # noqa: E402
from landstrikes.extract.guard import CASELESS_AND_FOLDED, folded  # noqa: E402


def test_lowering_keeps_every_character_kind_and_length_but_for_the_four_that_fold_onto_ascii():
    """The ground `text.lowered` stands on, read off every code point: a case-blind regex matches
    an ASCII letter to a non-ASCII character only for the four in FOLDS_ONTO_ASCII; outside them,
    lowering keeps each character one character, non-ASCII stays non-ASCII, and word, blank and
    digit characters stay what they were (so \\w, \\b, \\s, \\d read the lowered text alike).
    (str.lower's one context rule, a final sigma, gives another non-ASCII word character.)"""
    chars = [chr(code) for code in range(0x110000)]
    everything = "".join(chars)
    folds = {m.group() for m in re.finditer("[a-z]", everything, re.IGNORECASE) if not m.group().isascii()}
    assert folds == set("\u0130\u0131\u017f\u212a") == {ch for ch in chars if T.FOLDS_ONTO_ASCII.fullmatch(ch)}
    kept = [(ch, ch.lower()) for ch in chars if ch not in folds]
    assert all(len(low) == 1 and low.isascii() == ch.isascii() for ch, low in kept)
    before, after = "".join(ch for ch, _ in kept), "".join(low for _, low in kept)
    for kind in (r"\w", r"\s", r"\d"):
        assert [m.start() for m in re.finditer(kind, before)] == [m.start() for m in re.finditer(kind, after)], kind
    assert re.fullmatch(r"\w", "ς") and not "ς".isascii()


NUMBER_PIECES = ["1", "23", "Thousand", "thousand", "THOUSAND", "million", "Billion", "dozen", "hundred", "x", " ", "٣", "a"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NUMBER_PIECES), max_size=20).map("".join))
def test_one_scan_for_digits_and_magnitudes_finds_the_starts_of_both_scans(text):
    digits = {m.start() for m in re.finditer(r"\d+", text)}
    magnitudes = {m.start() for m in re.finditer(r"[Tt]housand|[Hh]undred|[Dd]ozen|[Mm]illion|[Bb]illion", text)}
    assert {m.start() for m in C.DIGITS_OR_MAGNITUDE.finditer(text)} == digits | magnitudes


def test_the_extractor_has_its_folded_regexes():
    assert {C._QUANTITY_FOLDED, C._VAGUE_FOLDED, C._PRE_WORD_NUMBER_FOLDED, C._REPORTING_FOLDED} <= {f for _, f in CASELESS_AND_FOLDED}


def test_a_pattern_with_capitals_or_without_ignorecase_is_not_folded():
    for rx in (re.compile("said"), re.compile("Said", re.IGNORECASE)):
        try:
            folded(rx)
        except ValueError:
            continue
        raise AssertionError(rx.pattern)
    assert folded(re.compile(r"(?P<n>\d+) said\b", re.IGNORECASE)).match("12 said").group("n") == "12"


FOLD_PIECES = GUARD_PIECES + ["BETWEEN", "About", "Million", "PER CENT", "Percent", "TENS OF", "ſome", "İ", "K", "Ǆ", "ẞ", "Σ"]
FOLD_TEXT = st.lists(st.sampled_from(FOLD_PIECES), max_size=30).map(lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts))


def _found_caseless(rx, text, pos, endpos):
    return [(m.span(), tuple(g and g.lower() for g in m.groups())) for m in rx.finditer(text, pos, endpos)]


@settings(max_examples=400, deadline=None)
@given(FOLD_TEXT | st.text(max_size=30), st.integers(0, 8), st.integers(0, 8))
@example("About 5 or ſome 5", 0, 0)  # capitals fold; a long s folds onto "s" only case-blind
@example("Two Million said", 0, 0)
def test_every_folded_regex_on_lowered_text_finds_what_the_case_blind_one_finds(text, cut_start, cut_end):
    low = T.lowered(text)
    if low is None:
        return
    pos, endpos = min(cut_start, len(text)), max(0, len(text) - cut_end)
    for caseless, fast in CASELESS_AND_FOLDED:
        assert _found_caseless(fast, low, 0, len(text)) == _found_caseless(caseless, text, 0, len(text)), caseless.pattern[:60]
        assert _found_caseless(fast, low, pos, endpos) == _found_caseless(caseless, text, pos, endpos), caseless.pattern[:60]


CLAIM_PIECES = ["Between", "between", "at least", "About", "some", "one", "Two", "thousand", "Million", "MILLION", "per cent",
                "%", "$", "£", "5", "12", "1,000", "2.5", "2005", "-", " to ", " and ", "people", "deaths", "a year",
                "said", "SAID", "according to", "that", "tens of", "thousands", "İ", "ſ", "K", "é", "’", " ", " ", ". ", "\n"]
CLAIM_TEXT = st.lists(st.sampled_from(CLAIM_PIECES), max_size=40).map("".join)


def _claims_or_error(text):
    try:
        return C.find_claims(text)
    except KeyError as error:  # "thousandſ": see docs/notes/extract-layers.md (a rule bug, left as it is)
        return ("KeyError", error.args)


@settings(max_examples=400, deadline=None)
@given(CLAIM_TEXT)
@example("About 5 people died. Some 12 said")  # capitals: found only when the scan folds case
@example("ſome 5 people died")  # a long s: the text is scanned case-blind, as before
@example("Two million people")
def test_claims_found_on_lowered_text_equal_claims_found_case_blind(text):
    T.all_sentences.cache_clear()
    fast = _claims_or_error(text)
    original = C.lowered
    C.lowered = lambda _text: None  # the case-blind scans on the text itself: the definition
    try:
        assert _claims_or_error(text) == fast
    finally:
        C.lowered = original
