"""Rule-based named-entity mentions: capitalised word runs, typed by gazetteers and cue words.

Why rules and not a statistical model: no model can be downloaded at run time, the PyPI
packages that embed spaCy models are third-party re-uploads, and a model would run at a few
articles per second per core where the corpus needs hundreds. Capitalisation is read with
document evidence: a capitalised word at a sentence start or in a title-case headline counts as
a name only when the article never uses it in lower case.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from landstrikes.extract import entity_types
from landstrikes.extract import page_labels, work_titles
from landstrikes.extract import gazetteer as gz
from landstrikes.extract.guard import guarded, rewritten
from landstrikes.extract.text import inside_word, lines
from landstrikes.schema.marks import COMBINING_MARK_CLASS

TOKEN_DEFINITION = re.compile(r"(?:[A-Z]\.){2,}|(?<![^\W_])[^\W\d_a-z](?:[^\W_]|[’'‑-](?=[^\W_]))*")
"""A capitalised word (or an initialism like U.S.); lower-case words only separate names."""
_TOKEN = rewritten(TOKEN_DEFINITION, r"[^\W\d_a-z](?:(?<=[A-Z])\.(?:[A-Z]\.)+|(?<![^\W_].)[^\W_]*+(?:[’'‑-][^\W_]++)*+)")
"""TOKEN_DEFINITION, found faster (`guard.rewritten`): the first character, then an initialism
or the rest of a word."""
_MARK = f"[{COMBINING_MARK_CLASS}]"
TOKEN_WITH_MARKS = re.compile(
    rf"(?:[A-Z]\.){{2,}}|(?<![^\W_]|{_MARK})[^\W\d_a-z](?:[^\W_]|{_MARK}|[’'‑-](?=[^\W_]|{_MARK}))*"
)
"""TOKEN_DEFINITION where an accent written as its own code point (NFD: "Jose\u0301") belongs to
the word it follows, as validate's word edge says (attack16: "Rene\u0301e Martin" was the name
"Martin", "Jose\u0301 Mari\u0301a Pe\u0301rez" no name). Used only for a text holding a mark,
so every other text is tokenised by `_TOKEN` exactly as before. A mark is read as a lower-case
letter would be: never a word's first character, always inside one (tests/test_marks.py)."""
_HAS_MARK = re.compile(_MARK)
_CONNECTOR_GAP = re.compile(r"(?: (?:of|de|del|la|los|las|y|for|the|on|and))+ ")
_PARTICLE_GAP = re.compile(r" (?:de|da|di|du|dos|das|del|della|van|von|ter|bin|ibn|el)(?: (?:der|den|la|de))? ")
"""A name particle between two capitalised words ("Hamish de Bretton-Gordon", "Alwaleed bin Talal",
"Joost van Amersfoort", "Rio de Janeiro"): one name (extract45: each part had been a name of its own)."""
_CONNECTORS = frozenset({"of", "de", "del", "la", "los", "las", "y", "for", "the", "on", "and"})
_SPEECH_AFTER = re.compile(r"^\s*(?:,\s*)?(?:said|says|told|stated|added|warned|argued|claimed|noted|wrote|declared|insisted|asserted|alleged)\b")
_SPEECH_AT = re.compile(_SPEECH_AFTER.pattern[1:])
"""`_SPEECH_AFTER` matched at a position of the whole text (no slice)."""
_APOSTROPHE = re.compile("[’']")
_INITIALISM = re.compile(r"[A-Z]{2,6}|(?:[A-Z]\.){2,}")
_COURTESY = re.compile(r"\b(Mr|Mrs|Ms|Dr)\s$")
_WEB_ADDRESS = re.compile(
    r"(?<![\w@./:-])[A-Za-z][A-Za-z0-9-]*\.(?:co\.uk|org\.uk|com\.au|com|org|net|fr|de|it|es|ie|ca|in|io|tv|info)\b(?![.\w/@-])"
)
"""A site's address as a name (`Metro.co.uk`, `iGen.fr`): not part of a longer address, path or e-mail."""
_EO = guarded(re.compile(r"\b(?:EO|E\.O\.|Executive Order) ?\d{3,6}\b"))
_LOWER_FIRST = guarded(re.compile(
    r"(?<![\w#@/.’'-])(?:[ie][A-Z][A-Za-z]+(?: \d{1,2}(?:[A-Za-z]\b)?(?:\+|(?! ?[\d%])(?: (?:Plus|Pro|Mini|Max|Air)\b)?)"
    r"| (?:Plus|Pro|Mini|Max|Air)\b)?|(?:9/11|7/7)(?![\d/])|(?:euros?|yuan|renminbi)\b)"))
"""Names that open with a lower-case letter, which the capitalised tokens miss (extract46): i- and
e- brands and a model's number after one (`iPhone 6 Plus`, `eBay`), the attacks named by their
dates (`9/11`, `7/7`), and the currencies the guidelines name as names (`euro`, `yuan`; not the
common nouns `dollar`, `pound`)."""
_E_COMMON = re.compile(r"e(?:Commerce|Mail|Book|Books|Learning|Business|Reader|Readers)")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str
    """Canonical name of the entity (its id is slug(name))."""
    type: str
    kind: str
    confidence: float
    gender: str | None = None


@lru_cache(maxsize=65536)
def slug(name: str) -> str:
    """Readable lowercase ASCII id (E3); a name with no ASCII letters gets a stable hash id."""
    text = re.sub(r"[^a-z0-9]+", "-", gz.ascii_fold(name).lower()).strip("-")
    return text or "u" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    possessive: bool
    ambiguous: bool


def _tokens(text: str) -> list[_Tok]:
    """Capitalised words and the connectors between them (lower-case words only break runs)."""
    title_lines = _title_case_lines(text)
    headlines = _headline_quotes(text, title_lines) if "'" in text or '"' in text or "“" in text or "‘" in text else []
    if headlines:
        title_lines = sorted(title_lines + headlines)
    given_end = -1  # where a census given name in a quoted headline ends: the next word is its surname
    title_end = title_lines[-1][1] if title_lines else -1  # headlines come first: most words are past them
    breaks = _sentence_starts(text)
    named_with_s = _names_with_s(text) if "’s" in text or "'s" in text else frozenset()
    bylined = _byline_names(text) if "y " in text else frozenset()
    found = []
    tokens = _TOKEN if text.isascii() or not _HAS_MARK.search(text) else TOKEN_WITH_MARKS
    for m in tokens.finditer(text):
        word = m.group()
        if not word[0].isupper():
            continue  # a word starting with a non-ASCII lower-case letter (the class is wider)
        start, end = m.span()
        if "-" in word:  # "US-led", "Irish-based": the name is the capitalised part
            word = entity_types.capitalised_part(word)
            end = start + len(word)
            pair = _place_pair(word)
            if pair is not None:  # "Syria-Turkey border", "Canadian-Israeli woman": two names (extract45)
                weak = start in breaks or (start < title_end and _in_lines(start, title_lines))
                found.append((start, start + len(pair[0]), pair[0], False, weak))
                start, word = end - len(pair[1]), pair[1]
        possessive = word.endswith(("’s", "'s")) and len(word) > 2
        if possessive and word[:-2] not in named_with_s:
            word, end = word[:-2], end - 2
        weak = ((start in breaks and not _after_initialism(text, start) and not _after_article(text, start))
                or (start < title_end and _in_lines(start, title_lines))) and start not in bylined
        if weak and headlines and _in_lines(start, headlines) and start not in breaks:
            if start == given_end + 1 and text[given_end] == " ":
                weak = False  # "... Than <Given> <Surname>?": the given name's surname
            elif word in gz.given_names() and not gz.is_common_word(word) and text.startswith(" ", end) and text[end + 1:end + 2].isupper():
                weak, given_end = False, end  # a person named in a quoted headline is still named
        found.append((start, end, word, possessive, weak))
    # a capitalised word is confirmed as a name by one capitalised use mid-sentence in running text
    confirmed = {w for _, _, w, _, weak in found if not weak and w[0].isupper()}
    known = _known_words()  # tens of thousands of words: looked up, never copied per article
    lowered: dict[str, bool] = {}
    out = []
    for i, (s, e, w, p, weak) in enumerate(found):
        # all capitals ("IS", "NATO", a "LONDON -" dateline) is no sentence-start capital
        doubtful = weak and w not in confirmed and w not in known and not (len(w) > 1 and w.isupper()) and not _inner_capitals(w)
        if doubtful and not _used_lower(text, w.lower(), lowered) and i + 1 < len(found) and _may_be_a_first_name(w):
            # "Anna Berg said" at a paragraph start: a first name before a name read mid-sentence
            # ("Unlike Berg, ...": a word the dictionary has only in lower case is none; extract45)
            ns, _, nw, _, nweak = found[i + 1]
            doubtful = not ((text[e:ns] == " " or _PARTICLE_GAP.fullmatch(text, e, ns) or _ARTICLE_GAP.fullmatch(text, e, ns))
                            and nw[:1].isupper() and not nweak)
        if (doubtful and w not in gz.FUNCTION_WORDS and (_SPEECH_AT.match(text, e, e + 20) and _may_name_a_speaker(w) or _after_title_stop(text, s))
                and not _used_lower(text, w.lower(), lowered)):
            doubtful = False  # `," Hale said.`, `Hale told`, `said Lt. Hale`: the subject of a reporting verb, a titled name
        if (not doubtful and weak and w in known and w not in confirmed and not w.isupper() and _common_word(w)
                and not _whole_name(w) and not _starts_a_name(text, e, found[i + 1] if i + 1 < len(found) else None, confirmed)):
            doubtful = True  # "City Council Approves ...", "Business owners said": a place-name word, yet a common noun here
        out.append(_Tok(s, e, w, p, doubtful))
    return out


_ARTICLE_BEFORE = re.compile(r"(?<![\w‑-])(?:al|el|as|ash|ad|ar|az)[‑-]")
"""The Arabic article written lower case and joined by a hyphen to the name after it (`al-<Name>`)."""
_ARTICLE_GAP = re.compile(r" (?:al|el|as|ash|ad|ar|az)[‑-]")
"""`<Given> <Given> al-<Name>`: one name across the article."""


def _after_article(text: str, start: int) -> bool:
    """The word follows `al-` (`el-`, `as-`, ...): the hyphen there opens no aside, the word is a name's
    (extract49: `al-<Name>` had been read as a sentence start, so a name written only so was dropped)."""
    return 2 < start and text[start - 1] in "-‑" and _ARTICLE_BEFORE.search(text, max(0, start - 5), start) is not None


def _with_articles(text: str, raw: list) -> list:
    """A name after `al-` takes the article into its span (`al-<Name>`: dev guidelines, the longest name;
    about 750 such names in dev-news, which were cut after the hyphen or dropped)."""
    if "-" not in text and "‑" not in text:
        return raw
    out = []
    for start, end, name, kind, conf, gender in raw:
        if _after_article(text, start) and (not out or out[-1][1] <= start - 3):
            article = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
            start = article.start()
            name = text[start:end] if name == text[article.end():end] else name
        out.append((start, end, name, kind, conf, gender))
    return out


_ARABIC_BODY_WORDS = frozenset("Jabhat Ahrar Ansar Jaish Harakat Hizb Jamaat Jamaah Liwa Kataib Majlis Jund Ajnad Tanzim Dar Masjid".split())
"""First words of bodies named with an article (`Jabhat al-<Name>`), not a person's given names."""
_ARABIC_PLACE_WORDS = frozenset("Ain Ayn Ras Tell Tal Deir Bab Wadi Jabal Jebel Bir Qasr Madinat".split())
"""First words of places named with an article (`Ras al-<Name>`: a cape, a spring, a hill, a town)."""


_BYLINE_NAME = re.compile(r"^[ \t]*(?:By|BY|Written by|Reporting by|Posted by)[ \t]+([A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3})", re.MULTILINE)


def _byline_names(text: str) -> frozenset[int]:
    """Starts of the capitalised words of the name a byline opens with (`By Ann Brandt, Staff Reporter`):
    a byline writes a name, so they are no sentence or headline capitals (extract49, newuser48 L3: a
    surname the census lacks had been dropped and the given name kept alone). One scan of the text."""
    out = set()
    for m in _BYLINE_NAME.finditer(text):
        at = m.start(1)
        if not _may_be_a_bylines_name(m.group(1).split(" ")):
            continue  # ("By Land And Sea: <Firm> Expands", a headline: attack53)
        for word in m.group(1).split(" "):
            out.add(at)
            at += len(word) + 1
    return frozenset(out)


def _may_be_a_bylines_name(words: list[str]) -> bool:
    """The words after `By` read as a name: no function word (`By Order Of The Court`), and each word no
    English common word unless a census given name or surname (`By Rose Bright`; not `By Royal
    Appointment`, `By Land And Sea`: headlines that open with "By", attack53)."""
    if any(w in gz.FUNCTION_WORDS or w.lower() in gz.FUNCTION_WORDS for w in words):
        return False
    return all(map(_names_someone, words[1:])) and (_names_someone(words[0]) or words[0] in gz.given_names())


def _names_someone(word: str) -> bool:
    """No English common word, or a census surname (`Bright`, `Stone`): a word that may be a name's."""
    return not gz.is_common_word(word) or word in gz.surnames()


_INITIALISM_BEFORE = re.compile(r"(?<![^\W_])(?:[A-Z]\.){2,} $")

_NOUN_WITH_S = re.compile(
    r"(?<![\w’'.-])([A-Z][\w&-]*)[’']s(?=[,.;:!?”\"]|\s+(?:and|or|said|says|has|had|is|was|were|will|would|declined)\b)")
"""`at the local Murtagh's, but`, `Murtagh's said`: a name with 's standing as a noun (a punctuation
mark, a conjunction or a verb after it), not as a possessive before one."""


_NOT_SHOPS = frozenset({"God", "Allah"})


def _names_with_s(text: str) -> frozenset[str]:
    """Names the article writes with 's as a noun (`Murtagh's`, a shop, a restaurant, a hotel): there
    the 's is part of the name, in every use of it in the article ("a Murtagh's burger"; extract46: the
    name had been cut to `Murtagh` as if possessive). Not a place, nationality or function word
    (`Brazil's,`, `That's.`), month, census given name (`Matt's.`), nor a word the article also writes
    as a person's surname (`Mr Dorrit's,`, `Ann Dorrit's and`)."""
    out = set()
    for m in _NOUN_WITH_S.finditer(text):
        word = m.group(1)
        if (word in out or word in gz.FUNCTION_WORDS or word in gz.MONTHS_DAYS or word in gz.places() or word in gz.demonyms()
                or word in gz.given_names() or word in _NOT_SHOPS or word.isupper()):
            continue  # ("January's,", "Matt's.", "God's.": a month, a person, no business)
        before = (b.group(1) for b in re.finditer(rf"([A-Z][\w’'-]*\.?) {re.escape(word)}\b", text))
        if any(_names_before(b) for b in before):
            continue  # a surname after a title or a given name (not after "A", "The"): a person's possessive
        out.add(word)
    return frozenset(out)


def _names_before(word: str) -> bool:
    """A capitalised word right before a name that makes the name a surname: a courtesy title (`Mr
    Dorrit's`) or an initial (`J. Dorrit's`) with their full stop, or a given name; not a function
    word (`A Murtagh's burger`), nor a word that ends the sentence before (`at Carvery's. Carvery's
    said`: extract47, that full stop ends a sentence, and the word before it is no part of the name)."""
    if word.endswith("."):
        return word[:-1] in ("Mr", "Mrs", "Ms", "Dr") or len(word) == 2
    return word not in gz.FUNCTION_WORDS


def _after_initialism(text: str, start: int) -> bool:
    """The word follows an initialism's full stop and one blank (`U.S. Special Forces`, `U.K. Border
    Force`, `J.R. Okonkwo`): that stop ends no sentence, the word continues the name (extract45;
    on the dev texts nearly every capitalised word after `U.S.` does, and the sentence starts among
    them are function words, which are never names anyway)."""
    return text[start - 2:start] == ". " and _INITIALISM_BEFORE.search(text, max(0, start - 14), start) is not None


def _may_be_a_first_name(word: str) -> bool:
    """Not a preposition or sentence adverb that opens a sentence before a name ("Unlike Berg, ...",
    "Like Brown, ...", "Besides Varga, ..."): a closed class. Adjectives that open a longer name
    ("Liberal Democrats", "Mad Dog") cannot be told from them by the dictionary, so only this
    class is left out."""
    return word not in _SENTENCE_OPENERS


_SENTENCE_OPENERS = frozenset(
    "Like Unlike Besides Beside Including Excluding Except Beyond Behind Alongside Amongst Throughout Toward "
    "Towards Upon Within Near Inside Outside Opposite Regarding Concerning Considering Given Unless Once Whilst "
    "Well Thanks Apart Aside Whereas Unlike Per Via Post Pre Above Below Beneath Underneath Around Across Along "
    "Past Versus Plus Minus Save Barring Pending Notwithstanding".split()
)


def _place_pair(word: str) -> tuple[str, str] | None:
    """The two halves of a hyphenated pair of places or nationalities ("Syria-Turkey",
    "Canadian-Israeli", "Welsh-English"), else None: each half is a name of its own, not one
    compound name (which `Coca-Cola`, `Smith-Jones`, `Bretton-Gordon` are)."""
    if word.count("-") != 1:
        return None
    first, second = word.split("-")
    places, demonyms = gz.places(), gz.demonyms()
    if first in demonyms and second == "American":
        return None  # "Irish-American", "African-American": one identity, one name
    if all(len(part) > 1 and (part in places or part in demonyms) for part in (first, second)):
        return first, second
    return None


def _common_word(word: str) -> bool:
    """An English word the dictionary writes only in lower case, or the plural of one ("City",
    "Business", "Unions"): known as a word of some place's or outlet's name, it is no name by itself
    at a sentence or headline start (extract44)."""
    if gz.is_common_word(word):
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and gz.is_common_word(word[:-1])


def _whole_name(word: str) -> bool:
    """A place, nationality or outlet by itself ("Paris", "China", "Democrats", "Reuters"), not a
    word of a longer place name ("City", "Port", "Great"): kept as before."""
    return word in gz.places() or word in gz.demonyms() or word in gz.MEDIA_NAMES


def _starts_a_name(text: str, end: int, following: tuple | None, confirmed: set[str]) -> bool:
    """The next capitalised word follows one blank later and is read as a name (mid-sentence, or
    confirmed there): the common word opens a longer name ("Port Tavish Council"), kept whole."""
    if following is None:
        return False
    ns, _, nw, _, nweak = following
    return text[end:ns] == " " and (not nweak or nw in confirmed)


def _may_name_a_speaker(word: str) -> bool:
    """A capitalised word before a reporting verb that may be a name: not an unnamed source
    (`Analysts said`, `Witness said`), nor a plural noun (`Doctors told`, `Relatives added`) unless
    it is a census surname or given name (`Jones said`)."""
    if word.lower() in gz.UNNAMED_SOURCES:
        return False
    return not word.endswith("s") or entity_types.may_be_surname(word)


def _after_title_stop(text: str, start: int) -> bool:
    """The word follows a title's full stop (`Lt. Hale`, `Dr. Ode`): that stop ends no sentence."""
    if text[start - 2:start] != ". ":
        return False
    title = _TITLE_STOP.search(text, max(0, start - 8), start)
    return title is not None and title.group(1) + "." in gz.TITLES


_TITLE_STOP = re.compile(r"\b([A-Z][a-z]{1,4})\. $")


def _used_lower(text: str, word: str, seen: dict[str, bool]) -> bool:
    """Does the text use `word` in lower case as a whole word? Asked only for the few doubtful
    capitalised words (sentence starts), instead of collecting every lower-case word of the text."""
    if word not in seen:
        found, at = False, text.find(word)
        while at != -1 and not found:
            end = at + len(word)
            found = (at == 0 or not _WORD_CHAR.match(text[at - 1])) and (end == len(text) or not _WORD_CHAR.match(text[end]))
            at = text.find(word, at + 1)
        seen[word] = found
    return seen[word]


_WORD_CHAR = re.compile(r"[\w’'‑-]")


_BREAK = re.compile(r"(?:^|[\n\r“\"‘(•·▪–—-])[ \t\u00a0]*|[.!?:;][”’)]?[ \t\u00a0]+")
"""The definition of a word-start break; `_sentence_starts` scans with its two parts below."""
_TEXT_START = re.compile(r"[ \t\u00a0]*")
BREAK_AFTER_MARK_DEFINITION = re.compile(r"[\n\r“\"‘(•·▪–—-][ \t\u00a0]*|[.!?:;][”’)]?[ \t\u00a0]+")
"""`_BREAK` without its `^`."""
_BREAK_AFTER_MARK = rewritten(
    BREAK_AFTER_MARK_DEFINITION, r"[\n\r“\"‘(•·▪–—\-.!?:;](?:(?<=[.!?:;])[”’)]?[ \t\u00a0]+|(?<![.!?:;])[ \t\u00a0]*)"
)
"""Found faster (`guard.rewritten`): the mark, then the blanks its kind allows (after an opening
mark any, after sentence punctuation at least one)."""


def _sentence_starts(text: str) -> set[int]:
    """Offsets where a word is at a text, line or sentence start, or after an opening quote,
    bracket, bullet or dash: one regex scan of the text, not a backwards walk per capitalised
    word (tests/test_extract_speed_rules.py proves it equal to that walk)."""
    starts = {m.end() for m in _BREAK_AFTER_MARK.finditer(text)}
    starts.add(_TEXT_START.match(text).end())  # the `^` of _BREAK, apart: it left no first character to guard on
    return starts


def warm_up() -> None:
    """Load the gazetteers and the known-word set now (before a worker pool forks)."""
    gz.warm_up()
    _known_words()


def _known_words() -> frozenset[str]:
    return _KNOWN or _load_known()


_KNOWN: set[str] = set()


def _load_known() -> frozenset[str]:
    words = {w for name in gz.places() for w in name.split()} | set(gz.demonyms()) | gz.MEDIA_NAMES | gz.TITLES
    _KNOWN.update(words - gz.FUNCTION_WORDS)
    return frozenset(_KNOWN)


_INNER_CAPITAL = re.compile(r"(?<=[a-z])[A-Z]")


def _inner_capitals(word: str) -> bool:
    """A word written with one or two capitals inside (`TarnLink`, `MacVarno`, `NorvaSmithTel`) is no sentence
    start's capital: no English word is so written (extract65; dev: such names at a paragraph's start had been
    dropped). Not a word with digits (an id), with three capitals or more inside (words glued together,
    `<Site><Site><Site>Share`), or ending in a function word (`<Name>Yesterday`: a caption glued to a text)."""
    if "-" in word or any(char.isdigit() for char in word):
        return False
    inner = [m.start() for m in _INNER_CAPITAL.finditer(word)]
    return 0 < len(inner) <= 2 and word[inner[-1]:] not in gz.FUNCTION_WORDS


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    spans = []
    for line in lines(text):
        content = text[line.start:line.end].strip()
        if not content or content.endswith((".", "!", "?", ":", "”", '"')) or content.count(" ") > 24:
            continue  # running text, not a headline
        words = [w for w in content.split() if w[:1].isalpha() and len(w) > 3]
        if len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            spans.append((line.start, line.end))
    return spans


_QUOTED_PHRASE = re.compile(r"(?:“|‘|(?:^|(?<=[\s(\[]))[\"'])(?=\S)([^“”\"‘’'\n]{8,150})(?<=\S)(?:”|’|[\"'](?![\w’']))")
"""A short quotation on one line (curly marks, or straight ones opening after a blank or bracket, so that the
words between two quotations are none; a single mark inside a word is an apostrophe); the class excludes
every mark, so each opening mark reads at most 150 characters."""


def _headline_quotes(text: str, title_lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The quoted headlines in running text (`her stories include '<Given> <Surname> Quits The Council To Run
    For Mayor'`, `a post that asks "Will This Ferry Sail Again Before <Given> <Surname> Retires?"`):
    title case in quotation marks, where every word is capitalised and a function word after the first is
    (`To`, `With`, `This`; a name writes `of`, `the` in lower case). Their capitals are a headline's, as a title-case line's are (`_tokens`: a word there is a
    name only if the article capitalises it mid-sentence, or it is a known word); dev: such headlines had been
    read as runs of names (`<Verb> <Given> <Surname>`, a capitalised auxiliary, `<Noun> <Verb>`). A census given name
    there (no common word) before a capitalised word still opens a person's name with it. A quotation inside
    a title-case line is left to the line."""
    found = []
    for m in _QUOTED_PHRASE.finditer(text):
        if _in_lines(m.start(1), title_lines):
            continue
        words = [w for w in m.group(1).split() if w[:1].isalpha()]
        if len(words) < 3 or any(not w[:1].isupper() for w in words):
            continue
        if any(w in gz.FUNCTION_WORDS for w in words[1:]):
            found.append(m.span(1))
    return found


def _in_lines(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _name_like(tok: _Tok, following: _Tok | None = None, text: str = "") -> bool:
    w = tok.text
    if not w[:1].isupper() or tok.ambiguous:
        return False
    if w in _PLACE_FIRST_WORDS and following is not None and text[tok.end:following.start] == " " and f"{w} {following.text}" in gz.places():
        return True  # "New York", "New Zealand": a function word that starts a place name
    if w in _PLACE_FIRST_WORDS and following is not None and text[tok.end:following.start] == " " and (
            f"{w} {_APOSTROPHE.split(following.text, 1)[0]}" in gz.KNOWN_TYPES):
        return True  # "the New Year", "New Year's Eve": a known name's first word (extract71: "New" had been dropped, "Year" a body)
    if w in _NUMBER_WORDS and following is not None and _opens_a_name_mid_sentence(text, tok, following):
        return True  # "the Three Gorges Dam", "the Four Seasons", "Third Way politics" (extract46)
    if w in gz.FUNCTION_WORDS or w in gz.MONTHS_DAYS or _APOSTROPHE.split(w, 1)[0] in gz.FUNCTION_WORDS:
        return False
    if entity_types.plural_initialism(w):
        return False  # "MPs", "GPs": a common noun written with capitals
    return True


_PLACE_FIRST_WORDS = frozenset({"New", "The"})
_NUMBER_WORDS = frozenset("One Two Three Four Five Six Seven Eight Nine Ten First Second Third".split())
_LOWER_BEFORE = re.compile(r"[a-z,] $")


def _opens_a_name_mid_sentence(text: str, tok: _Tok, following: _Tok) -> bool:
    """A number word capitalised after a lower-case word or a comma (never a sentence start), one
    blank before a capitalised word that is no function word or title: only a name writes it so."""
    return (not tok.ambiguous and _LOWER_BEFORE.match(text, max(0, tok.start - 2), tok.start) is not None
            and text[tok.end:following.start] == " " and following.text[:1].isupper()
            and following.text not in gz.FUNCTION_WORDS and following.text not in gz.TITLES)

_HEAD_NOUNS = gz.ORG_WORDS | gz.MEDIA_WORDS | gz.LOC_WORDS | gz.LAW_WORDS | gz.EVENT_WORDS | gz.TITLES | gz.LOC_HEADS | gz.ORG_HEADS | frozenset(
    "State States Republic Kingdom Emirates Museum Society Duke Duchess Earl Archbishop Bishop Islands Port".split()
)


def _joins_across(current: list[_Tok], gap: str, following: _Tok) -> bool:
    """A connector ("of", "for", "on the") continues a name only after a head noun of a body,
    place, law or title ("Bank of England", "Council on Foreign Relations", "Secretary of
    State"), never after a person's name ("Ann Lee of Borland Trust", "Ms Lee on the board").
    "And" continues a body's name only after a body's head word and before a common noun ("Kesby
    Bank and Trust", "Kesby Army and Navy Club"), never with "the" or before a name of its own ("the
    Kesby Bank and the IMF", "Norcom Bank and Velbyco", "the Kesby Army and Nato": extract48, about 35
    of the 45 such joins in dev-news outside the held-out sets were two names). After a word that is
    no head, "Department of Ports and Harbours" stays two names (attack51: extract48's docstring had
    given it as joined)."""
    if " and " in gap:
        word = following.text
        return (current[-1].text in gz.ORG_WORDS and not gap.endswith(" the ") and not word.isupper()
                and (gz.is_common_word(word) or entity_types.plural_noun(word)))
    return current[-1].text in _HEAD_NOUNS or (len(current) == 1 and current[0].text in _PLACE_OPENERS and gap == " of ")


_PLACE_OPENERS = frozenset({"City", "Town", "Borough"})
"""Words that open a place's name before `of` (`City of <Place>`, `Borough of <Name>`) and only as its first
word: the name goes on across `of` (`City of <Place> Police` had been a body `City` and a body `<Place>
Police`; dev), where after a club's `City` (`<Town> City of the <League>`) it does not."""


_BEFORE_HEAD_GAPS = frozenset({" and ", " in "})
_BODY_HEADS = gz.ORG_WORDS | frozenset({"Executive", "Unit"})


def _joins_before_a_head(text: str, current: list[_Tok], toks: list[_Tok], i: int) -> bool:
    """`and` or `in` between common words inside one body's name: `the Health and Safety Executive`,
    `Economic and Social Research Council`, `Efficiency in Government Unit`, `Commons Standards and
    Privileges Committee` (extract49: each had been cut in two, its first words typed a body of their
    own). The words before are at most three English common words written with capitals (no place,
    nationality or name), the words after are at most three one blank apart and end on a body's head
    word (`Council`, `Committee`, `Executive`) with no capitalised word after it. Not after a head
    (`_joins_across` reads that, and `the Ministry of Energy and World Trade Organization` are two), nor
    before a name of its own (`Kesby and Norcom Council`: `Norcom` is no common word), nor before a
    title (`... and Reform Committee Chairman Ann Lee`: the title's split reads that group)."""
    if len(current) > 3 or not all(_plain_word(t.text) for t in current):
        return False
    if any(text[a.end:b.start] != " " for a, b in zip(current, current[1:])):
        return False  # "the Ministry of Energy and World Trade Organization": two bodies
    after = [toks[i]]
    for k in range(i + 1, min(i + 4, len(toks))):
        if text[toks[k - 1].end:toks[k].start] != " " or not toks[k].text[:1].isupper() or toks[k].ambiguous:
            break
        after.append(toks[k])
    if len(after) < 2 or len(after) > 3 or after[-1].text not in _BODY_HEADS:
        return False  # (a fourth word after the head, "... Committee Chairman Ann Lee": the title's split reads it)
    return all(_plain_word(t.text) for t in after[:-1])


def _plain_word(word: str) -> bool:
    """A capitalised English common word that names nothing by itself (`Health`, `Standards`), not a
    place, nationality, outlet or given name."""
    return ((_common_word(word) or entity_types.plural_noun(word)) and not _whole_name(word) and word not in gz.given_names()
            and not word.isupper())


_IRREGULAR_PLURALS = frozenset({"Men", "Women", "Children", "People"})


_PERSON_NOUN_ENDINGS = ("er", "or", "ist", "an", "ant", "ent", "ee", "girl", "boy", "nurse", "friend", "wife")


def _plural_possessor(word: str) -> bool:
    """A plural common noun naming people (`Workers`, `Veterans`, `Girls`, `Women`, `Lobstermen`):
    never a person's or a place's name, so its possessive inside a run of capitalised words belongs
    to one name. Not any plural: `News`, `Times`, `Dynamics`, `Studies`, `Woods` end names whose
    possessive is the name's own (`<outlet> News' <reporter>`: the dev-news diff showed them)."""
    if word in _IRREGULAR_PLURALS:
        return True
    if entity_types.plural_noun(word):
        stem = word[:-1].lower()
        return (stem.endswith(_PERSON_NOUN_ENDINGS) and gz.is_common_word(stem) and word not in gz.surnames()
                and word not in gz.MEDIA_WORDS and word not in gz.ORG_WORDS)
    if len(word) < 6 or not word.endswith("men") or word in gz.places() or word in gz.given_names():
        return False
    stem = word[:-3]
    return gz.is_common_word(stem + "man") or gz.is_common_word(stem)  # "Fishermen", "Lobstermen"


_PLURAL_POSSESSIVE_GAPS = frozenset({"' ", "’ "})


def _plural_possessor_gap(text: str, before: _Tok, tok: _Tok) -> bool:
    """`Lobstermen's Cooperative`, `Kesby People’s Council`, `Norland Workers' Party`: a plural common noun's
    possessive ('s, or a bare apostrophe after -s) and one space before the next capitalised word
    join them into one name, as a holiday's does (dev-news, outside the held-out sets: about 80
    such names, each had been cut at the apostrophe into a body named by the plural noun and
    another by the word after it)."""
    if before.possessive:
        gap = text[before.end + 2:tok.start]
    elif before.text.endswith("s"):
        gap = text[before.end:tok.start]
        if gap not in _PLURAL_POSSESSIVE_GAPS:
            return False
        gap = gap[1:]
    else:
        return False
    return gap == " " and _plural_possessor(before.text) and not _is_title(text, tok)  # ("Children's Minister Ann Lee": a title)


def _persons_name_opens(text: str, toks: list[_Tok], i: int) -> bool:
    """The capitalised words from `toks[i]` on (up to four, one space apart) are a person's name and
    nothing more: `The Packers' Aaron Rodgers said`, `the Teachers' Ann Lee` (a team's or a union's member,
    not one body's name, which extract48's plural possessive had made them; attack51)."""
    words = []
    for k in range(i, min(i + 4, len(toks))):
        if not toks[k].text[:1].isupper() or (words and text[toks[k - 1].end:toks[k].start] != " "):
            break
        words.append(toks[k].text)
    return (_opens_a_persons_name(words) if 2 <= len(words) <= 3 else False) or (
        len(words) == 2 and (words[-1] in _titled_surnames(text) or _unknown_given_name(words)))


def _unknown_given_name(words: list[str]) -> bool:
    """`<Word> <census surname>` where the first word is no English word, place, nationality or initialism:
    a given name the census lacks (`The Harriers' Zorvan James`: extract49, attack51's left item; it had
    joined the team's name)."""
    first = words[0]
    return (words[1] in gz.surnames() and words[1] not in _HEAD_NOUNS and not first.isupper() and not _common_word(first) and not entity_types.plural_noun(first)
            and not _whole_name(first) and first not in _BODY_HEADS)


def _groups(text: str, toks: list[_Tok]) -> list[list[_Tok]]:
    """Runs of name-like words joined by one space or by connectors ("Department of Defense")."""
    groups: list[list[_Tok]] = []
    current: list[_Tok] = []
    for i, tok in enumerate(toks):
        if not _name_like(tok, toks[i + 1] if i + 1 < len(toks) else None, text):
            if current:
                groups.append(current)
            current = []
            continue
        if current and current[-1].possessive and tok.text in gz.HOLIDAY_LAST_WORDS and text[current[-1].end + 2:tok.start] == " ":
            current.append(tok)  # "Valentine's Day": the possessive is part of a holiday's name (extract46)
            continue
        if current and _plural_possessor_gap(text, current[-1], tok) and not _persons_name_opens(text, toks, i):
            current.append(tok)  # "Harbour Lobstermen's Cooperative", "Norland Workers' Party": one body's name (extract48)
            continue
        if current and not current[-1].possessive:
            gap = text[current[-1].end:tok.start]
            joined = (gap == " " or gap in entity_types.AMPERSANDS or (_CONNECTOR_GAP.fullmatch(gap) is not None and _joins_across(current, gap, tok))
                      or len(current) <= 2 and (_PARTICLE_GAP.fullmatch(gap) is not None or _ARTICLE_GAP.fullmatch(gap) is not None)
                      or gap in _BEFORE_HEAD_GAPS and _joins_before_a_head(text, current, toks, i))
            if joined:
                current.append(tok)
                continue
        if current:
            groups.append(current)
        current = [tok]
    if current:
        groups.append(current)
    return groups


def find_mentions(text: str) -> list[Mention]:
    """Every name mention the rules find, longest name first (M4), sorted by position."""
    toks = _tokens(text)
    runs = _Runs(text, toks)
    raw: list[tuple[int, int, str, str, float, str | None]] = []
    for group in _groups(text, toks):
        raw.extend(_type_group(text, group, runs))
    for m in _EO.finditer(text):
        raw.append((m.start(), m.end(), m.group(), "LAW", 0.7, None))
    for m in _LOWER_FIRST.finditer(text):
        found = m.group()
        if found[0] in "ie" and found[1:2].isupper():
            if _E_COMMON.fullmatch(found):
                continue  # "eCommerce", "eMail": a common noun written so
            raw.append((m.start(), m.end(), found, "OTHER" if found[0] == "i" else "ORG", 0.6, None))
        else:
            raw.append((m.start(), m.end(), found, "EVENT" if found[0].isdigit() else "OTHER", 0.6, None))
    for m in _WEB_ADDRESS.finditer(text):  # "told Metro.co.uk": the site, not the word before its dot (extract45)
        raw.append((m.start(), m.end(), m.group(), "ORG", 0.7, None))
    raw = _scandals(text, raw) if "ate" in text else raw
    raw = _outlets_named_by_a_word(text, raw) if "he " in text else raw
    raw = _with_articles(text, _products(text, _with_channel_numbers(text, _with_the_and_year(text, _longest_first(raw)))))
    if '"' in text or "“" in text or "'" in text or "‘" in text:
        headlines = _title_case_lines(text)
        titles = work_titles.quoted_titles(text, lambda pos: _in_lines(pos, headlines))
    else:
        titles = []
    raw = work_titles.without_names_inside(raw, titles)
    raw = _with_leading_particles(text, raw) if " d" in text or " v" in text or " b" in text or " i" in text or " e" in text or " t" in text else raw
    # a regex's \b follows this Python's Unicode tables: a name glued to a letter they do not know
    # is part of a longer word, which validate's newer tables see; such a mention is dropped
    found = [m for m in _link_short_names(text, raw) if not (inside_word(text, m.start) or inside_word(text, m.end))
             and not page_labels.is_page_label(text, m.start, m.end)]
    # a quoted work's title is one name, linked after the others: its last word alone elsewhere
    # (`Baghdadi` after "Cub of Baghdadi") is not the work (extract71)
    return sorted(found + [Mention(s, e, text[s:e], kind, "NAME", 0.6) for s, e, kind in titles], key=lambda m: m.start) if titles else found


_PARTICLE_BEFORE = re.compile(
    r"(?:(?<![\w’'.-])(?P<word>[A-Z][a-z]{0,12}\.?)|(?<![\w’'])[Tt]he) "
    r"(?P<particle>(?:de|da|di|du|dos|das|del|della|van|von|ter|bin|ibn|el)(?: (?:der|den|la|de))?) $")
"""A surname's lower-case particle after a title or `the`: `Mr de <Name>`, `Mayor de <Name>`, `the van <Name> family`."""


_LEADING_PARTICLE = re.compile(r"(?:^|(?<= ))(?:de|da|di|du|dos|das|del|della|van|von|ter|bin|ibn|el)(?: (?:der|den|la|de))? [^ ]+$")
"""A surname with its particle (`de <Name>`, `van der <Name>`), alone or ending a longer name."""


def _with_leading_particles(text: str, raw: list) -> list:
    """A one-word name after a lower-case particle that a title or `the` opens is named with its particle
    (`Mr. de <Name>`, `the de <Name> administration`: the particle is part of the surname, as the guidelines'
    span `de <Name>` has it; dev: such names had been the bare word, typed ORG, the one-word default). After
    a title or courtesy title the name is a person's whatever else typed it; after `the` only a name already
    typed a person's is extended. A particle after a given name is read by `_groups` (`<Given> de <Name>`)."""
    out = []
    for row in raw:
        start, end, name, kind, conf, gender = row
        if " " in text[start:end] or not (3 < start):
            out.append(row)
            continue
        m = _PARTICLE_BEFORE.search(text, max(0, start - 40), start)
        if m is not None:
            word = m.group("word")
            titled = word is not None and (word in gz.TITLES or word.rstrip(".") in gz.TITLES or word.rstrip(".") in ("Mr", "Mrs", "Ms", "Dr"))
            if titled or word in (None, "The") and kind == "PERSON":
                particle = m.start("particle")
                row = (particle, end, text[particle:end], "PERSON", max(conf, 0.8) if titled else conf, gender)
        out.append(row)
    return out


_BROADCASTERS = gz.BROADCASTERS
_CALL_SIGN = re.compile(r"[KW][A-Z]{2,3}")
_CHANNEL_NUMBER = re.compile(
    r" \d{1,3}(?: News(?: Now| NOW)?)?(?![\w%]|[.,]\d| (?:million|billion|thousand|per|percent|years?|months?|weeks?|days?"
    r"|hours?|minutes?|times|points?|miles?|of|to|-)\b| (?!" + "|".join(
        "viewers listeners audiences presenters journalists reporters correspondents programmes programs shows documentaries "
        "broadcasts bulletins news newsreaders executives bosses chiefs series dramas films soaps subscribers crews studios".split())
    + r")[a-z]+ers\b| (?:people|men|women|children)\b| [A-Z][a-z]+s\b)")
"""A channel's number after a broadcaster (`Norcom News 24`, `Channel 10`, `Kesby 10 News`, `KXOU 11 News`), not
a quantity after a name (`the BBC 5 years ago`, `Norcom 2 million`, `... and Channel 12 people were rescued`:
people counted, a plural in -ers other than a channel's audience or staff, extract49; not any word in -s, which
is as often a verb, `<station> 5 reports`), nor a programme's name that opens with a number (`told CBS 60
Minutes`: the number and the capitalised plural are the programme's)."""
_PROGRAMME = re.compile(r" (\d{1,3} [A-Z][a-z]+s)\b(?![’'-]\w)")
def _a_headlines_verb(text: str, programme: re.Match, title_lines: list[tuple[int, int]], in_running_text: set[str]) -> bool:
    """`<n> <Capitalised -s word>` after a broadcaster in a title-case line, which running text never writes:
    the channel's number, then a headline's verb (`BBC 2 Airs <Noun>`, `NBC 5 Loses <Noun>`; attack53:
    extract49's programme rule had made `2 Airs` a programme). A programme the running text names too
    (`told CBS 60 Minutes`) stays one."""
    return _in_lines(programme.start(1), title_lines) and programme.group(1) not in in_running_text


def _numbered_plurals_in_running_text(text: str, title_lines: list[tuple[int, int]]) -> set[str]:
    """Every `<n> <Capitalised -s word>` outside title-case lines, in one scan of the text."""
    return {m.group(1) for m in _PROGRAMME.finditer(text) if not _in_lines(m.start(1), title_lines)}


_NUMBERED_NEWS = guarded(re.compile(r"(?:\b(?:told|tells|to|on|by|with|station)|[’']s) (?P<station>\d{1,2} News(?: Now| NOW)?)(?! [A-Z]|\w)"))
"""`told 9 News`, `<town>'s 8 News Now`: a station named by its channel number."""


def _with_channel_numbers(text: str, raw: list) -> list:
    """A broadcaster's name takes in the channel number after it, and a station named by its number
    alone is one (extract48: the number had been left out, `Channel` typed a body and `News` an outlet
    of its own; about 30 such names in dev-news outside the held-out sets)."""
    if not any(c.isdigit() for c in text):
        return raw
    out, title_lines, in_running_text = [], None, set()
    for start, end, name, kind, conf, gender in raw:
        if out and start < out[-1][1]:
            continue  # (inside a name a channel number just took in)
        surface = text[start:end]
        broadcaster = kind == "MEDIA" or surface in _BROADCASTERS or _CALL_SIGN.fullmatch(surface)
        number = _CHANNEL_NUMBER.match(text, end) if broadcaster else None
        if number is not None:
            end = number.end()
            name, kind, conf = text[start:end], "MEDIA", max(conf, 0.7)
        programme = _PROGRAMME.match(text, end) if broadcaster and number is None else None
        if programme is not None and title_lines is None:
            title_lines = _title_case_lines(text)
            in_running_text = _numbered_plurals_in_running_text(text, title_lines)
        if programme is not None and _a_headlines_verb(text, programme, title_lines, in_running_text):
            end = programme.start(1) + programme.group(1).index(" ")  # "BBC 2 Airs <Noun>": the number, then a verb
            name, kind, conf, programme = text[start:end], "MEDIA", max(conf, 0.7), None
        if programme is not None:
            kind = "MEDIA"
        out.append((start, end, name, kind, conf, gender))
        if programme is not None:  # "told CBS 60 Minutes": the broadcaster, then its programme (extract49)
            out.append((programme.start(1), programme.end(1), programme.group(1), "MEDIA", 0.6, None))
    added = []
    for m in _NUMBERED_NEWS.finditer(text):
        start, end = m.span("station")
        at = bisect.bisect_left(out, (start,))
        if at < len(out) and out[at][0] < end and text[out[at][0]:out[at][1]] in ("News", "News Now", "News NOW"):
            out[at] = (start, end, m.group("station"), "MEDIA", 0.6, None)  # ("News" alone had been the outlet)
        elif (at == 0 or out[at - 1][1] <= start) and (at == len(out) or out[at][0] >= end):
            added.append((start, end, m.group("station"), "MEDIA", 0.6, None))
    return sorted(out + added) if added else out


_MODEL_NUMBER = re.compile(
    r" (?!(?:1[89]|20)\d\d\b)\d{1,4}(?:[A-Z]{0,2}\b)(?![\w%]|[.,:/]\d|-\w| (?:[a-z]+s|million|billion|thousand|per|percent|of)\b| to \d"
    r"| [A-Z]| ?[-–] ?\d|, (?:[A-Z][\w’'.-]* ){1,3}\d"
    r"| (?:people|men|women|children|staff|police|personnel|crew|cattle|sheep|deer|fish)\b)")
"""A model's number after a product's or maker's name (`Boeing 747`, `Norphone 6`, `Skyplay 4`): not a
year, a time, a score (`2-1`, `Kesby 2 Norton 1`), a quantity (`Norcom 3 million`, `40 shares`), a
range (`Norcom 3 to 2`), nor a number before a capitalised word (`Kesby 10 News`: a station's). Nor a score
or tally written with a dash or a comma (`Kesby Rovers 2 - 1`, `Labour 12, Conservatives 9`), nor people
counted by a plural without -s (`In Kesby 12 people died`): attack53, each had become a product."""
_SCORE_BEFORE = re.compile(r"\d(?:,| [-–])? $")
_NOT_MODELS = frozenset({"Number", "No", "Age", "Aged", "Flight", "Terminal", "Gate", "Platform", "Route", "Highway", "Interstate", "Camp"})
"""Names before a number that make a place or a body with it (`Number 10`: Downing Street)."""
_ROLE_ENDINGS = ("er", "or", "ist", "ian")


_SCANDAL = re.compile(r"(?P<stem>[A-Z][a-z]{2,})(?:Gate|gate)")
_NOT_SCANDAL_STEMS = frozenset("west east north south high new old moor sand stone red green black white church bridge kirk fisher "
                               "south hol bishop castle fen mill wood ald nor".split())


_TOLD_THE = re.compile(r"\b(?:told|tells|telling|according to)\s+the $")
_THE_BEFORE = re.compile(r"(?<![\w’'])[Tt]he $")
_REPORTS_AFTER = re.compile(r" (?:reported|reports|said|says|wrote|writes|quoted|claimed|claims|revealed|reveals|understands|learned|learnt)\b")


def _outlets_named_by_a_word(text: str, raw: list) -> list:
    """`The <Word> reported`, `told the <Word>`: an English common word after "the", read as a person's name
    by the reporting verb next to it, is an outlet (extract49: `<the> <Star-like word>` typed PERSON, and
    its quotes given to a person; people take no "the"). Only before a reporting verb or after `told the`
    (`in the <Word>'s field`: the star; a compass word, `from the North said`: a country); a capital "The" is
    the outlet's name's own (`The <Word>`), as `_with_the_and_year` takes it mid-sentence."""
    out = []
    for row in raw:
        start, end, name, kind, conf, gender = row
        if kind == "PERSON" and start >= 4 and " " not in name:
            word = text[start:end]
            if (gz.is_common_word(word) and word not in gz.COMPASS and _THE_BEFORE.search(text, max(0, start - 4), start)
                    and (_REPORTS_AFTER.match(text, end) or _TOLD_THE.search(text, max(0, start - 20), start))):
                if text[start - 4:start] == "The ":
                    start = start - 4
                row = (start, end, text[start:end], "MEDIA", conf, None)
        out.append(row)
    return out


def _scandals(text: str, raw: list) -> list:
    """`<Word>gate`, `<Word>Gate`, `#<Word>gate`: a scandal named after Watergate is an event (dev
    guidelines: MISC; extract49: typed ORG), not a body. Not a gazetteer place, nor a name after `in`,
    `at`, `near` (`Westgate`, `Highgate`: towns, streets, a shopping centre), nor one whose first part is
    no English word (`Harrogate`)."""
    out = []
    for row in raw:
        start, end, name, kind, conf, gender = row
        m = _SCANDAL.fullmatch(text, start, end) if kind in ("ORG", "PERSON", "OTHER") else None
        if m is not None:
            stem = m.group("stem").lower()
            hashtag = start > 0 and text[start - 1] == "#"
            if (hashtag or text[m.end("stem")] == "G" or gz.is_common_word(stem) and stem not in _NOT_SCANDAL_STEMS
                    and not _a_persons_name(text, start, end)) and (
                    name not in gz.places() and not _PLACE_PREPOSITION.search(text, max(0, start - 12), start)):
                row = (start, end, name, "EVENT", conf, None)
        out.append(row)
    return out


_WORD_BEFORE = re.compile(r"([A-Z][a-z]{1,4}\.?) $")


def _a_persons_name(text: str, start: int, end: int) -> bool:
    """A census surname (`Applegate`, `Wingate`, `Colgate`) or a name after a title (`Mrs <Name>gate`) names
    someone, not a scandal (attack53: extract49's `<English word>gate` rule had made `Mr Applegate` an event)."""
    if text[start:end] in gz.surnames():
        return True
    title = _WORD_BEFORE.search(text, max(0, start - 7), start)
    return title is not None and (title.group(1) in gz.TITLES or title.group(1) + "." in gz.TITLES)


def _may_have_a_model(surface: str) -> bool:
    """A name of one to three words not written in capitals, no month (`NOVEMBER 15`), no place's or
    body's number (`Number 10`): a run of a headline's words (`<Noun> Confirms <Noun> Will <Verb> 6`) is none."""
    words = surface.split()
    return (len(words) <= 3 and not (len(words) > 1 and surface.isupper()) and surface not in _NOT_MODELS
            and words[-1].title() not in gz.MONTHS_DAYS and words[-1] not in gz.FUNCTION_WORDS)


def _product_word(word: str) -> bool:
    """A word that may follow a maker's name in a product's (`Watch`, `Edition`, `Translate`): an English
    common word or its plural written with a capital, no body's, place's, role's or person's word."""
    return (word[:1].isupper() and not word.isupper() and (gz.is_common_word(word) or entity_types.plural_noun(word))
            and word not in _NOT_PRODUCT_WORDS and word not in gz.TITLES and not word.removesuffix("s").endswith(_ROLE_ENDINGS)
            and word not in gz.given_names() and word not in gz.surnames() and word not in gz.places())
_SPEAKS_AFTER = re.compile(r" (?:said|says|told|tells|announced|announces|reported|reports|confirmed|confirms|denied|denies|warned"
                           r"|warns|added|insisted|insists|stated|states|claimed|claims|revealed|reveals|wrote|writes)\b")
"""A reporting verb after the name: a product says nothing, so `<Maker> Realty said` is the maker's unit, a body
(attack53: extract49's product rule had made it OTHER, and its report a product's)."""
_NOT_PRODUCT_WORDS = (_HEAD_NOUNS | entity_types.ORG_LAST_WORDS | entity_types.NATIONAL_ARMS | gz.MEDIA_WORDS
                      | frozenset("Store Stores Shop Shops Research Labs Studios Pictures Records Music TV Inc Corp Ltd Plc Motor Stadium "
                                  "Arena Park Centre Center Security Hall House Tower Square Street Road Bridge Estate Estates Components "
                                  "Campaign Forum Networks Films Laboratories Products Cosmetics Electronics Communications "
                                  "Telecommunications Textiles Metals Minerals Resources Appliances Supplies Outfitters".split()))


def _products(text: str, raw: list) -> list:
    """A product is no body (dev guidelines: products are MISC; the gold's `OTHER`): a maker's one-word
    name read as a body elsewhere in the article before a word that names no body (`Norcom Watch` where
    `Norcom` alone is a firm: extract49, on the dev texts every such name was a product, `<Maker>
    <Product>` typed ORG), and a name typed ORG before a model's number, which it takes in (`Boeing
    747`, `<Game> 4`: had been the firm or game alone). A body's, a place's, a role's or a person's word
    after the maker (`Norcom Holdings`, `Norcom UK`, `Norcom Stadium`, `Norcom Controller`) keeps the
    reading, and so does a maker written in capitals (`<initialism> National Security`) or a name typed a
    person (a given name read as a body elsewhere made `<Given> <Surname>` a product)."""
    if not raw:
        return raw
    alone = Counter(text[r[0]:r[1]] for r in raw if r[3] == "ORG" and " " not in text[r[0]:r[1]])
    makers = {word for word, n in alone.items() if n >= 2}  # (one mention of "Human" or "World" alone: a slip, no maker)
    has_digit = any(c.isdigit() for c in text)
    out = []
    for start, end, name, kind, conf, gender in raw:
        if out and start < out[-1][1]:
            continue  # (inside a name a model number just took in)
        if kind == "ORG" and " " in name:
            words = text[start:end].split()
            if (words[0] in makers and not words[0].isupper() and 1 <= len(words) - 1 <= 2 and all(map(_product_word, words[1:]))
                    and not _SPEAKS_AFTER.match(text, end)):
                kind, gender = "OTHER", None
        if has_digit and kind in ("ORG", "OTHER") and _may_have_a_model(text[start:end]):
            number = _MODEL_NUMBER.match(text, end)
            if number is not None and text[start:end] not in _BROADCASTERS and not _SCORE_BEFORE.search(text, max(0, start - 4), start):
                end = number.end()
                name, kind, gender = text[start:end], "OTHER", None
        out.append((start, end, name, kind, conf, gender))
    return out


_THE_MID_SENTENCE = re.compile(r"(?<=[a-z,] )The $")
_THE_KINDS = frozenset({"ORG", "MEDIA", "LOC", "EVENT", "LAW", "OTHER"})
_YEAR_AFTER = re.compile(r" (?:1[89]|20)\d\d(?![\w.,]\d|\w)")


def _with_the_and_year(text: str, raw: list) -> list:
    """Two words a name takes in: a capitalised "The" inside a sentence, which only a title writes so
    ("told The Daily Clarion", "on The Project"; not at a sentence start, after a quotation mark or in
    a title-case headline, where any word is capitalised), and a law's year ("Terrorism Act 2000",
    named with it: two laws may differ by their years). extract46: both had been left outside."""
    if "The " not in text and not any(r[3] == "LAW" for r in raw):
        return raw
    title_lines = None
    out = []
    for start, end, name, kind, conf, gender in raw:
        if kind in _THE_KINDS and _THE_MID_SENTENCE.search(text, max(0, start - 6), start):
            if title_lines is None:
                title_lines = _title_case_lines(text)
            if not _in_lines(start, title_lines):
                start -= 4
        if kind == "LAW":
            year = _YEAR_AFTER.match(text, end)
            if year is not None:
                end, name = year.end(), f"{name}{year.group()}"
        out.append((start, end, name, kind, conf, gender))
    return out


_HEADS = gz.LOC_HEADS | gz.ORG_HEADS


_NAME_TITLES = frozenset({"Prosecutor"})
"""Titles before a name (`County Prosecutor Ann Lee`) kept out of `gz.TITLES`, which the speaker search
also reads: there `the prosecutor said` would name the nearest person before it, often the accused."""


def _is_title(text: str, tok: _Tok) -> bool:
    return tok.text in gz.TITLES or tok.text in _NAME_TITLES or text[tok.end:tok.end + 1] == "." and tok.text + "." in gz.TITLES


_BODY_WORDS = gz.LAW_WORDS | gz.ORG_WORDS | gz.MEDIA_WORDS
"""The last words that make a name a law, a body or an outlet: the first of them that ends a
run of its group's words is the group's head."""


class _Runs:
    """A text's tokens with, at each, the last title at or before it and the first body word at or
    after it that ends its run of words: for a group that is a run of the tokens (every group
    `_groups` makes, and the rests it splits off) its last title and head word are looked up, not
    scanned, so a run of n splitting words ("U.S. U.S. ...") is typed in linear time, not in n
    scans of what is left of it (cispeed5: 3,000 words took 2.4-3.3 CPU-s)."""

    def __init__(self, text: str, toks: list[_Tok]):
        self.text = text
        self.toks = toks
        self._asked = 0
        self.index = {tok.start: k for k, tok in enumerate(toks)}
        self.last_title: list[int] = []
        last = -1
        for k, tok in enumerate(toks):
            if _is_title(text, tok):
                last = k
            self.last_title.append(last)
        self.next_head = [len(toks)] * len(toks)
        nearest = len(toks)
        for k in range(len(toks) - 2, -1, -1):
            if toks[k].text in _BODY_WORDS and text[toks[k].end:toks[k + 1].start] != " ":
                nearest = k
            self.next_head[k] = nearest

    @cached_property
    def next_holder(self) -> list[int]:
        """At each token, the index of the first token at or after it that may open an office
        holder's name (`_may_hold`), len(toks) if none; made when an office is first met."""
        found, nearest = [len(self.toks)] * len(self.toks), len(self.toks)
        for k in range(len(self.toks) - 1, -1, -1):
            if _may_hold(self.toks[k]):
                nearest = k
            found[k] = nearest
        return found

    @cached_property
    def last_connector(self) -> list[int]:
        """At each token k, the largest j <= k whose gap from the token before it is not one blank
        (a connector such as ` of `, a comma, a line end), -1 if none: whether a run of tokens holds
        a connector is one lookup, not a scan of its gaps (`_titled_holder_after_body`)."""
        found, last = [], -1
        for k, tok in enumerate(self.toks):
            if k and self.text[self.toks[k - 1].end:tok.start] != " ":
                last = k
            found.append(last)
        return found

    def written_once(self, name: str) -> bool:
        """`text.count(name) == 1` for a dateline's name: the first few counted so, the rest read off
        one scan of the text (`_DatelineNames`)."""
        self._asked += 1
        if self._asked <= _COUNTED_ONE_BY_ONE:
            return self.text.count(name) == 1
        return self._dateline_names.once(name)

    @cached_property
    def _dateline_names(self) -> _DatelineNames:
        return _DatelineNames(self.text, self.toks)

    def span(self, group: list[_Tok]) -> tuple[int, int] | None:
        """The indexes of the group's first and last token when it is a run of the tokens, else None
        (a prefix left after dropping qualifiers may skip some)."""
        first = self.index.get(group[0].start)
        if first is None or self.toks[first] is not group[0]:
            return None
        last = first + len(group) - 1
        return (first, last) if last < len(self.toks) and self.toks[last] is group[-1] else None


def _last_title(text: str, group: list[_Tok], runs: _Runs) -> int:
    """The index in the group of its last title but for its last word, -1 if none."""
    span = runs.span(group)
    if span is None:
        return max((i for i, t in enumerate(group[:-1]) if _is_title(text, t)), default=-1)
    found = runs.last_title[span[1] - 1]
    return found - span[0] if found >= span[0] else -1


def _head_word(text: str, group: list[_Tok], runs: _Runs) -> str:
    """The first word that ends a run of the group's words (or is its last) and is a body, law or
    outlet word; the group's last word if none is."""
    span = runs.span(group)
    if span is None:
        heads = [t.text for i, t in enumerate(group) if i + 1 == len(group) or text[t.end:group[i + 1].start] != " "]
        return next((w for w in heads if w in _BODY_WORDS), group[-1].text)
    found = runs.next_head[span[0]]
    return runs.toks[found].text if found < span[1] else group[-1].text


class _Rest(NamedTuple):
    """The last item of a group's rows when the group split after its first word: the rest of the
    group, to be typed afresh as a group of its own."""

    group: list[_Tok]


def _type_group(text: str, group: list[_Tok], runs: _Runs):
    """Rows of one group. A group that splits after its first word ("British Ann Lee") goes on
    with its rest in this loop, not in a recursive call per word: a run of a few hundred such
    words ("U.S. U.S. ...") exceeded Python's recursion limit."""
    out = []
    while True:
        rows = _type_group_once(text, group, runs)
        if not rows or not isinstance(rows[-1], _Rest):
            return out + rows
        out += rows[:-1]
        group = rows[-1].group


def _type_group_once(text: str, group: list[_Tok], runs: _Runs):
    brand = _titled_brand(text, group)
    if brand is not None:
        return brand
    if 1 < len(group) <= _MAX_CAPITALS_NAME and all(t.text.isupper() for t in group):
        group = _title_cased(group)  # "UTAH COUNTY" typed as "Utah County" would be; its span and name unchanged
    if len(group) == 2 and group[1].text in gz.EVENT_WORDS and _is_title(text, group[0]) and text[group[0].end:group[1].start] == " ":
        return [(group[0].start, group[1].end, text[group[0].start:group[1].end], "EVENT", 0.6, None)]  # "General Election" (extract46)
    holder = _titled_holder_after_body(text, group, runs) if len(group) > 3 else 0
    if holder:
        # "Bank of <Place> Governor Ann Lee", "City of <Place> Police Chief Ben Ode": a body joined across a
        # connector, a title, a person's name: three things, as "<Body> Governor Ann Lee" is without the
        # connector (the whole run had been one body, or one place; dev)
        return _type_group(text, group[:holder - 1], runs) + _type_group_titled(text, group[holder:], runs, group[holder - 1].text)
    office = _office_of(text, group) if len(group) > 1 else None
    if office is not None:
        # "Chief Executive of Wexbury Trust", "Norcom Senior Vice President of Sales": the title words are
        # no part of any name, a body before them is one, and the name after "of" is what the office is
        # of (typed afresh, with no title: it had made "the Prime Minister of <country>" a person; extract46)
        prefix, rest = group[:office[0]], group[office[1]:]
        head = []
        if prefix and prefix == _prefix_run(prefix):
            head = [(r[0], r[1], r[2], "ORG" if r[3] == "OTHER" else r[3], r[4], r[5]) for r in _type_group(text, prefix, runs)]
        holder = _holder_after_office(rest, runs)
        body = rest[:holder] if holder else rest
        if (group[office[1] - 1].text in _MEMBER_TITLES and text[group[office[1] - 1].end:rest[0].start] == " for "
                and len(body) <= 3 and body[-1].text not in _HEAD_NOUNS and all(text[a.end:b.start] == " " for a, b in zip(body, body[1:]))):
            # "<Party> MP for <Name>": the seat a member sits for is a place, whatever its one word reads as
            seat = (body[0].start, body[-1].end, text[body[0].start:body[-1].end], "GPE", 0.6, None)
            return head + [seat] + ([_Rest(rest[holder:])] if holder else [])
        typed_body = [] if len(body) == 1 and body[0].text == "State" else None  # "Secretary of State": part of the title
        if holder:  # "Chancellor of the Exchequer Ann Lee": the office's body, then its holder
            return head + (_type_group(text, body, runs) if typed_body is None else typed_body) + [_Rest(rest[holder:])]
        return head + ([_Rest(rest)] if typed_body is None else [])
    if len(group) > 1 and text[group[-2].end:group[-1].start] == " " and group[-1].text in _HEADS:
        name = text[group[0].start:group[-1].end]
        if name not in gz.places():
            kind = gz.KNOWN_TYPES.get(name) or ("LOC" if group[-1].text in gz.LOC_HEADS else "ORG")  # ("Downing Street": ORG)
            return [(group[0].start, group[-1].end, name, kind, 0.65, None)]
    title = None
    while len(group) > 1 and group[0].text in entity_types.MODIFIERS and text[group[0].end:group[1].start] == " ":
        group = group[1:]  # "Senior WorldCom executives", "Former Ann Lee": the modifier is no part of the name
    # "Labour MP Ann Lee", "Foreign Secretary Ben Ode": the words up to the last title are no part of
    # the name; qualifiers ("Foreign") are dropped, anything else before the title is its body (ORG)
    last_title = _last_title(text, group, runs) if len(group) > 1 else -1
    if last_title > 0 and all(text[a.end:b.start] == " " for a, b in zip(group[:last_title + 1], group[1:last_title + 2])):
        prefix = _without_jurisdiction([t for t in group[:last_title] if t.text not in gz.TITLE_MODIFIERS and not _is_title(text, t)])
        title, group = group[last_title].text, group[last_title + 1:]
        head = []
        if prefix and prefix == _prefix_run(prefix):
            head = [(r[0], r[1], r[2], "ORG" if r[3] == "OTHER" else r[3], r[4], r[5]) for r in _type_group(text, prefix, runs)]
        return head + _type_group_titled(text, group, runs, title)
    role = _role_before_name(text, group) if title is None and len(group) > 2 else 0
    if role:
        # "Officer Ann Lee", "Dog Walker Ann Lee", "Father Tom Ode": a role noun before a person's name is
        # no part of it, as a title is not (extract48: 49 dev-news mentions of one police officer so named)
        return _type_group_titled(text, group[role:], runs, group[role - 1].text)
    while group and _is_title(text, group[0]) and not _holder_of_see(text, group) and not _after_courtesy(text, group[0].start):
        title = group[0].text
        group = group[1:]
        while len(group) > 1 and group[0].text in gz.TITLE_MODIFIERS and text[group[0].end:group[1].start] == " ":
            group = group[1:]  # "Chief Executive Ann Lee": the title's qualifier is no part of the name (extract46)
    if title in entity_types.MODIFIERS:
        title = None  # "Former WorldCom boss": a modifier alone makes nobody a person
    return _type_group_titled(text, group, runs, title)


_JURISDICTIONS = frozenset("State County City District Federal Town Municipal Provincial Regional Circuit".split())
_PLACE_SUFFIXES = frozenset({"County", "City"})
_NAMED_JURISDICTIONS = frozenset({"State", "District", "Circuit", "Town"})
_ORDINAL = re.compile(r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|\d+(?:st|nd|rd|th))")


def _names_a_jurisdiction(word: str) -> bool:
    """A word that, before `State`, `District`, `Circuit` or `Town`, makes one body's name with it: a name
    that is no place, nationality or common word (`Penn State`), an ordinal (`Ninth Circuit`) or a compass
    word (`Southern District`). Not a place (`<Place> District Attorney`: the place's attorney), a party
    (`<Party> State Senator`) or a common word (`Conservative District Councillor`)."""
    if _ORDINAL.fullmatch(word) or word in gz.COMPASS:
        return True
    return (any(char.islower() for char in word) and word not in gz.places() and word not in gz.demonyms()
            and not gz.is_common_word(word))


def _without_jurisdiction(prefix: list[_Tok]) -> list[_Tok]:
    """The words before a title less the jurisdiction words that end them: `State Representative`,
    `County Sheriff`, `Wexbury County District Attorney` (the office's level, no body: each had
    been an ORG `State`, `County`, or a person `Wexbury County District`; newuser47's invented
    article, dev-news about 20 such titles outside the held-out sets), keeping `County` and `City`
    after a name (`Gilbert County Prosecutor`: the county is a place; extract48), and `State`,
    `District`, `Circuit`, `Town` after a word that names a body with them (`Penn State President`,
    `Ninth Circuit Judge`, `Southern District Judge`: extract48 had cut them to `Penn`, `Ninth`,
    `Southern`; attack51)."""
    end = len(prefix)
    while end and prefix[end - 1].text in _JURISDICTIONS and not (
            end > 1 and prefix[end - 2].text not in _JURISDICTIONS
            and (prefix[end - 1].text in _PLACE_SUFFIXES
                 or prefix[end - 1].text in _NAMED_JURISDICTIONS and _names_a_jurisdiction(prefix[end - 2].text))):
        end -= 1
    return prefix[:end]


_ROLE_SUFFIXES = ("er", "or", "ist", "ian", "ee", "ent")
_ROLE_NOUNS = frozenset("Corporal Marshal Father Host Vet Sen DA Brother Sister Nurse Coach Trooper Pilot Firefighter Chef Actor".split())
"""Role nouns too short for `_ROLE_SUFFIXES` to be read safely (`Free`, `See`, `Under` end so too)."""


def _role_before_name(text: str, group: list[_Tok]) -> int:
    """Where a person's name starts after role words (`Officer`, `Dog Walker`, `Chief Financial Officer`):
    the name opens with a census given name that is no common word or place and reads as a person's
    (`_opens_a_persons_name`), every word before it is a common word, and the last of them names a role
    (a role noun's ending: `Writer`, `Advisor`, `Guitarist`, `Comedian`, `Employee`, `Student`; or
    `_ROLE_NOUNS`). 0 when the group is no such run."""
    for i in range(1, len(group) - 1):
        before = group[i - 1].text
        if not (gz.is_common_word(before) or before in gz.TITLE_MODIFIERS or before in _ROLE_NOUNS):
            return 0  # (every word before the name is a common word: read once each, left to right)
        word = group[i].text
        if word not in gz.given_names():
            continue
        if (text[group[i - 1].end:group[i].start] == " " and not gz.is_common_word(word) and word not in gz.places()
                and word not in gz.demonyms()  # ("Actor Christian Bale": the title path would read a nationality)
                and (before in _ROLE_NOUNS or len(before) > 5 and before.lower().endswith(_ROLE_SUFFIXES))
                and _opens_a_persons_name([t.text for t in group[i:]]) and not entity_types.plural_noun(group[-1].text)):
            return i
    return 0


_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.? $")


def _titled_brand(text: str, group: list[_Tok]):
    """A brand or stage name that opens with a courtesy title (`gazetteer.TITLED_BRANDS`: "Dr Pepper",
    "Mr Kipling") is named whole, title included: one row, or None. `Mr` and `Mrs` are no tokens
    of a group (function words), so the title may stand just before it."""
    end = group[0].end if len(group) == 1 or group[0].text not in gz.TITLES else group[1].end
    if len(group) > (1 if end == group[0].end else 2):
        return None  # "Dr Pepper Snapple Group": a longer name, typed as such
    before = _TITLE_BEFORE.search(text, max(0, group[0].start - 5), group[0].start)
    start = before.start() if before is not None and end == group[0].end else group[0].start
    name = text[start:end]
    if name not in gz.TITLED_BRANDS:
        return None
    return [(start, end, name, "PERSON" if name in gz.TITLED_STAGE_NAMES else "ORG", 0.8, None)]


def _title_cased(group: list[_Tok]) -> list[_Tok]:
    """A name in capitals (a dateline "UTAH COUNTY, Utah", a banner "THE NEW YORK TIMES") with its
    words as title case writes them, so the head-word lists type it (extract45: such runs had all
    been typed PERSON, the default for two to four unknown words); words of up to three letters
    that are no function word stay initialisms ("NY", "BBC")."""
    out = []
    for tok in group:
        word = tok.text
        if len(word) > 3 or word.title() in gz.FUNCTION_WORDS:
            word = word.title()
        out.append(tok if word == tok.text else tok._replace(text=word))
    return out if any(a is not b for a, b in zip(out, group)) else group  # (unchanged: the run's own tokens)


_MAX_CAPITALS_NAME = 6
"""The longest run in capitals read as a name (datelines and banners are short; a longer run is
typed as before, so a run of thousands of words stays linear: `_Runs`)."""


def _right_after(text: str, title: str, start: int) -> bool:
    """The title stands just before the name, one blank between (`Senator Kennedy`, `Sen. Kennedy`),
    not across a connector (`Prime Minister of Israel` names a country)."""
    word = title.rstrip(".")
    return text[start - 1:start] == " " and text[max(0, start - len(word) - 3):start - 1].rstrip(".").endswith(word)


_COURTESY_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.? $")


def _after_courtesy(text: str, start: int) -> bool:
    """The word follows a courtesy title (`Ms King`, `Mr Bishop`, `Dr. Major`): it is the surname,
    not another title to keep out of the name (extract44)."""
    return _COURTESY_BEFORE.search(text, max(0, start - 5), start) is not None


_OF_GAPS = (" of ", " of the ", " for ")
"""What joins an office to what it is of: `Chief Executive of <Body>`, `<Party> MP for <Place>` (extract65: the
whole run had been one body, `<Party> MP for <Place>`, or a person named by the place)."""


_MEMBER_TITLES = frozenset("MP MSP MEP AM Member Senator Representative Congressman Congresswoman Assemblyman Assemblywoman Councillor".split())
"""Titles of a member for a seat: what follows `for` is the seat (`MP for <Place>`), where `Minister for
<Area>` names a field."""


def _titled_holder_after_body(text: str, group: list[_Tok], runs: _Runs) -> int:
    """Where a person's name starts when the group is a body's name joined across a connector (`of`, `for`),
    then a title and a census given name opening a person's name of two or three words, all one blank
    apart (`Bank of <Place> Governor Ann Lee`); 0 when it is not. The title is the group's last
    (`_last_title`, looked up)."""
    last_title = _last_title(text, group, runs)
    if last_title < 2 or not 2 <= len(group) - last_title - 1 <= 3:
        return 0
    # the title and the name after it are one blank apart (at most four gaps, read); before the title
    # some gap is a connector (looked up: a chain of n offices asks this n times, attack47)
    tail = group[last_title - 1:]
    if any(text[a.end:b.start] != " " for a, b in zip(tail, tail[1:])) or not _connector_before(text, group, last_title - 1, runs):
        return 0  # (no connector before the title: the title split of `_type_group_once` reads it)
    return last_title + 1 if _opens_a_persons_name([t.text for t in group[last_title + 1:]]) else 0


def _connector_before(text: str, group: list[_Tok], upto: int, runs: _Runs) -> bool:
    """Whether some gap between the group's words 0..upto is not one blank."""
    span = runs.span(group)
    if span is None:
        return any(text[a.end:b.start] != " " for a, b in zip(group[:upto], group[1:upto + 1]))
    return runs.last_connector[span[0] + upto] > span[0]


def _office_of(text: str, group: list[_Tok]) -> tuple[int, int] | None:
    """(i, k) when the group's words i..k-1 are a run of titles and their qualifiers holding at least
    one title ("Chief Executive", "Senior Vice President"), joined by blanks, and the group goes on
    across "of" at k; None when it does not, and for a religious see (`Archbishop of Canterbury`
    names its holder whole, `_holder_of_see`)."""
    k = next((j for j in range(1, len(group)) if text[group[j - 1].end:group[j].start] != " "), None)
    if k is None or text[group[k - 1].end:group[k].start] not in _OF_GAPS:
        return None
    i = k
    while i > 0 and (_is_title(text, group[i - 1]) or group[i - 1].text in gz.TITLE_MODIFIERS):
        i -= 1
    if i == k or not any(_is_title(text, t) for t in group[i:k]) or group[i].text in gz.RELIGIOUS_TITLES:
        return None
    if i > 0 and _after_courtesy(text, group[i].start):
        return None
    return i, k


def _holder_after_office(rest: list[_Tok], runs: _Runs) -> int:
    """The index in the words after "<title> of" where the holder's name starts (`Exchequer Ann Lee`,
    `Homeland Security Ben Ode`: a census given name and at least one word after it, the last no head
    noun), else 0: the words name only what the office is of. Looked up for a run of the tokens
    (`_Runs.next_holder`): scanned, a chain of n offices cost n scans of what was left (attack47)."""
    if len(rest) < 3 or rest[-1].text in _HEAD_NOUNS:
        return 0
    span = runs.span(rest)
    if span is None:
        return next((j for j in range(1, len(rest) - 1) if _may_hold(rest[j])), 0)
    found = runs.next_holder[span[0] + 1] - span[0]
    return found if found < len(rest) - 1 else 0


DATELINE_DATE = (r"(?P<date>,[ \t]+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t]+\d{1,2}"
                  r"(?:,[ \t]+\d{4})?)?")
"""A date after a dateline's place or region (`LARCHMOUTH, March 3 (Reuters) -`, `KESWATER, Cumbria, Jan. 12, 2015 -`):
the dateline's place was left a name of the one-word or `Port <Name>` default without it (newuser59)."""
_DATELINE = re.compile(r"(?P<region>,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?" + DATELINE_DATE
                       + r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:[—–]|--?)[ \t]")
"""After a paragraph's first words in capitals: what ends a dateline (`LARCHMOUTH —`, `KESWATER,
Cumbria -`, `LARCHMOUTH (Reuters) -`, `LARCHMOUTH, March 3 (Reuters) -`)."""


_COUNTED_ONE_BY_ONE = 8
"""Dateline names a text may ask about before `_DatelineNames` is built: a news article has one or none."""
_NAME_GAPS = frozenset({" "} | set(entity_types.AMPERSANDS))
"""The gaps `_groups` joins words across that hold no lower-case letter."""


class _DatelineNames:
    """extract47's `text.count(name) == 1` for a dateline's name, in time linear in the text however
    many datelines it holds (a count per dateline had made 958,000 characters of distinct datelines
    take 13.8 s where 4.8 s before extract47; attack49). The names a dateline could be are each run
    of words in capitals that opens a line, joined as `_groups` joins words, cut at every word end
    where `_DATELINE` matches: every name the rules can ask about, and more, which changes no
    answer. They go in a trie, one path per line, so no larger than the text; one Aho-Corasick scan
    then counts them as `str.count` does (occurrences that do not overlap, read from the left: one,
    or several that all overlap the first), and a name seen twice apart leaves the scan's output
    chains. A name outside the trie is counted as before."""

    def __init__(self, text: str, toks: list[_Tok]):
        self.text = text
        goto: list[dict[str, int]] = [{}]
        depth, ends = [0], [False]
        for k, tok in enumerate(toks):
            if not _opens_a_line(text, tok.start):
                continue
            cuts, last = set(), k
            while True:
                end = toks[last].end
                if any(char.islower() for char in toks[last].text):
                    break
                if end - tok.start > 3 and _DATELINE.match(text, end) is not None:
                    cuts.add(end)
                if last + 1 == len(toks) or text[end:toks[last + 1].start] not in _NAME_GAPS:
                    break
                last += 1
            node = 0
            for at in range(tok.start, max(cuts, default=tok.start)):
                following = goto[node].get(text[at])
                if following is None:
                    following = goto[node][text[at]] = len(goto)
                    goto.append({})
                    depth.append(depth[node] + 1)
                    ends.append(False)
                node = following
                ends[node] = ends[node] or at + 1 in cuts
        self.goto, self.depth, self.ends = goto, depth, ends
        self.twice = self._scan()

    def once(self, name: str) -> bool:
        node = 0
        for char in name:
            node = self.goto[node].get(char, 0)
            if node == 0:
                break
        if not self.ends[node]:
            return self.text.count(name) == 1  # not a name a dateline could be
        return not self.twice[node]

    def _scan(self) -> list[bool]:
        goto, depth, ends = self.goto, self.depth, self.ends
        size = len(goto)
        fail = [0] * size
        out = [0] * size  # the nearest name ending a proper suffix of the node's path (0: none)
        order = [0]
        for node in order:  # breadth first: the list grows as it is read
            for char, child in goto[node].items():
                back = fail[node]
                while back and char not in goto[back]:
                    back = fail[back]
                fail[child] = goto[back].get(char, 0) if node else 0
                out[child] = fail[child] if ends[fail[child]] else out[fail[child]]
                order.append(child)
        first = [-1] * size
        twice = [False] * size

        def seen(name: int, at: int) -> None:
            begin = at + 1 - depth[name]
            if first[name] < 0:
                first[name] = begin
            elif begin >= first[name] + depth[name]:
                twice[name] = True

        node = 0
        for at, char in enumerate(self.text):
            while node and char not in goto[node]:
                node = fail[node]
            node = goto[node].get(char, 0)
            if ends[node] and not twice[node]:
                seen(node, at)
            holder, name = node, out[node]
            while name:
                if not twice[name]:
                    seen(name, at)
                if twice[name]:
                    out[holder] = name = out[name]  # seen twice: off every chain that reaches it here
                else:
                    holder, name = name, out[name]
        return twice


def _opens_a_line(text: str, start: int) -> bool:
    """Only spaces or tabs stand between the line's start and `start` (what extract47's
    `text[:start].rstrip(" \\t")` ending in nothing or a line feed said, without a copy per name)."""
    at = start
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    return at == 0 or text[at - 1] == "\n"


def _opens_a_persons_name_here(text: str, words: list[str]) -> bool:
    """Do these words name a person: a census given name first, or a surname the article also writes
    after a courtesy title (`group NRX Philippe Dorrit ... Mr Dorrit said`: extract47, a given name the
    census list lacks had kept the body and its officer one ORG, and every `Mr Dorrit` linked to it)."""
    return words[0] in gz.given_names() or (len(words) > 1 and words[-1] in _titled_surnames(text))


_COURTESY_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.? ")
_REGEX_WORD = re.compile(r"\w")  # a word character as a regex word boundary reads it (not _WORD_CHAR above)
_LONGEST_SURNAME = 80


@lru_cache(maxsize=2)
def _titled_surnames(text: str) -> frozenset[str]:
    """Every word the text writes after a courtesy title (`Mr Dorrit`, `Dr. Dorrit-Smith's`: each
    prefix of what follows that ends at a word boundary, as `\\bMr\\.? <word>\\b` would find it), read
    once per text: a search of the whole text per name had made `extract` quadratic (attack49: 200,000
    characters of `The NRX Zqxil Dorrit met.` with distinct names took 70 s, 3 s before extract47)."""
    found: set[str] = set()
    size = len(text)

    def boundary(at: int) -> bool:
        return (_REGEX_WORD.match(text, at - 1) is not None) != (at < size and _REGEX_WORD.match(text, at) is not None)

    for title in _COURTESY_TITLE.finditer(text):
        start = title.end()
        stop = start
        while stop < min(size, start + _LONGEST_SURNAME) and not text[stop].isspace():
            stop += 1
        found.update(text[start:end] for end in range(start + 1, stop + 1) if boundary(end))
    return frozenset(found)


_DATELINE_TOWN = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3},[ \t]+$")


def _after_dateline_town(text: str, start: int, end: int) -> bool:
    """The word is a dateline's region: a paragraph opens with a town in capitals and a comma
    before it, and its full stop and a dash (or the town's bracketed outlet) follow."""
    if not (text[end:end + 1] == "." or text[end - 1:end] == "."):
        return False
    if _DATELINE_TOWN.search(text, max(0, start - 40), start) is not None and _REGION_END.match(text, end) is not None:
        return True
    # mid-sentence, between commas: "a radio station in East Carling, Mich., on Friday"
    return _TOWN_COMMA.search(text, max(0, start - 40), start) is not None and text.startswith(".,", end - (text[end - 1] == "."))


_STATE_AFTER = re.compile(r",[ \t]+(?P<state>[A-Z][\w.]*(?: [A-Z][a-z]+)?)(?=[,.;:)]|[ \t]+[a-z]|[ \t]*$)", re.MULTILINE)
_US_STATES = frozenset(gz.US_STATE_ABBREVIATIONS.values()) | frozenset("Alaska Hawaii Idaho Iowa Maine Ohio Texas Utah".split())
"""(The AP abbreviates every state but these eight.)"""


def _before_a_state(text: str, end: int, abbreviated_only: bool) -> bool:
    """Is the name followed by a comma and a US state, its AP abbreviation with the full stop
    (`Delford, N.C.`, `East Carling, Mich.,`) or (unless `abbreviated_only`: a name opening with a
    given name may be a person in a list, `Ann Lee, Virginia and ...`) the state's name
    (`Delford, Ohio`)? Then the name is a town's."""
    m = _STATE_AFTER.match(text, end, end + 30)
    if m is None:
        return False
    state = m.group("state")
    if state in gz.US_STATE_ABBREVIATIONS and state.endswith("."):
        return True
    if state.rstrip(".") in gz.US_STATE_ABBREVIATIONS and state.endswith(".") and not state.rstrip(".").endswith("."):
        return True
    return not abbreviated_only and state in _US_STATES


_TOWN_COMMA = re.compile(r"\b(?:in|at|from|near|of|outside) (?:[A-Z][\w'’.-]+ ){0,3}[A-Z][\w'’.-]+,[ \t]+$")
_REGION_END = re.compile(r"\.?" + DATELINE_DATE + r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:[—–]|--?)[ \t]")


def _may_hold(tok: _Tok) -> bool:
    """A word that opens an office holder's name: a census given name that is no place."""
    return tok.text in gz.given_names() and tok.text not in gz.places()


def _holder_of_see(text: str, group: list[_Tok]) -> bool:
    """`Archbishop of Canterbury`, `Imam of X`: a religious title and its see name one person whole
    (not a title before a person's name)."""
    return len(group) > 1 and group[0].text in gz.RELIGIOUS_TITLES and text[group[0].end:group[1].start] == " of "


def _prefix_run(prefix: list[_Tok]) -> list[_Tok]:
    """The prefix only when its words are adjacent (one run), else nothing to type."""
    return prefix if all(a.end < b.start for a, b in zip(prefix, prefix[1:])) else []


def _type_group_titled(text: str, group: list[_Tok], runs: _Runs, title: str | None):
    while group and group[-1].text in _CONNECTORS:
        group = group[:-1]
    if not group:
        return []
    words = [t.text for t in group]
    name = text[group[0].start:group[-1].end]
    start, end = group[0].start, group[-1].end
    places, demonyms = gz.places(), gz.demonyms()
    if name.isupper() and len(name) > 3:
        name = gz.places_by_caps().get(name, name)  # an all-caps dateline: "LONDON (Reuters) -", "RIO DE JANEIRO -"
    if name in gz.KNOWN_TYPES:  # (before the places: "Whitehall" is also a GeoNames name of Atlanta; extract47)
        return [(start, end, name, gz.KNOWN_TYPES[name], 0.8, None)]  # "Isis", "Boko Haram", "Christmas", "Ebola"
    if entity_types.storm_name(words):
        return [(start, end, name, "EVENT", 0.8, None)]  # "Storm <Given>", "Tropical Storm <Name>": a named storm, no person
    if name in places:
        canonical, kind = places[name]
        if len(group) == 1 and title is not None and title not in entity_types.MODIFIERS and _right_after(text, title, start):
            # "Senator Kennedy", "Baroness Scotland": the title kept out of the span still makes a person,
            # named with it, so the person's id is not the place's (`baroness-scotland`, not `scotland`,
            # which the catalogue merged across articles had typed GPE; extract45)
            gender = "female" if title in gz.FEMALE_TITLES else "male" if title in gz.MALE_TITLES else None
            return [(start, end, f"{title} {name}", "PERSON", 0.9, gender)]  # surer than the place (0.85): one reading per article
        if len(group) == 1 and kind == "GPE" and entity_types.team_verb_after(text, start, end, name):
            return [(start, end, name, "ORG", 0.9, None)]  # "Sunderland were relegated": the club, surer than the town
        return [(start, end, canonical, kind, 0.85, None)]
    if len(group) == 1 and entity_types.not_a_name(name):
        return []  # "TV", "GMT", a lone "Police" or "Government": common nouns
    if len(group) > 1 and (group[-2].possessive or text[group[-2].end:group[-2].end + 1] in "'’") and words[-1] in gz.HOLIDAY_LAST_WORDS:
        return [(start, end, name, "EVENT", 0.7, None)]  # "Valentine's Day", "New Year's Eve"
    if (len(group) <= 3 and any(_ARTICLE_GAP.fullmatch(text[a.end:b.start]) for a, b in zip(group, group[1:]))
            and group[0].text in _ARABIC_BODY_WORDS):
        return [(start, end, name, "ORG", 0.6, None)]  # "Jabhat al-<Name>": a body (extract49)
    if (len(group) <= 3 and any(_ARTICLE_GAP.fullmatch(text[a.end:b.start]) for a, b in zip(group, group[1:]))
            and group[0].text in _ARABIC_PLACE_WORDS):
        return [(start, end, name, "GPE", 0.6, None)]  # "Ain al-<Name>": a town
    if (len(group) <= 3 and (any(_ARTICLE_GAP.fullmatch(text[a.end:b.start]) for a, b in zip(group, group[1:]))
                             and not (group[0].text in places and _PLACE_PREPOSITION.search(text, max(0, start - 12), start))
                             or any(_PARTICLE_GAP.fullmatch(text[a.end:b.start]) for a, b in zip(group, group[1:]))
                             and not any(t.text in places for t in group))
            and not any(t.text in _HEAD_NOUNS for t in group)):  # ("Hamid al-<Name>": a given name that is also a place; not "in <Country> al-<Name>")
        return [(start, end, name, "PERSON", 0.6 if title is None else 0.8, gz.given_names().get(words[0]))]  # "Hamish de Bretton-Gordon"
    if len(group) == 1:
        last = words[0]  # (its own head, and the fallback alike)
    else:
        last = _head_word(text, group, runs)
    courtesy = _COURTESY.search(text, max(0, start - 5), start) if len(group) <= 2 else None
    if courtesy is not None:  # "Mr Law", "Mrs Bank": a courtesy title makes a person, whatever the last word
        honorific = courtesy.group(1) + "."
        gender = "female" if honorific in gz.FEMALE_TITLES else "male" if honorific in gz.MALE_TITLES else None
        return [(start, end, name, "PERSON", 0.8, gender)]
    if (entity_types.company_noun_before(text, start) and words[0] not in gz.MEDIA_NAMES
            and words[-1] not in gz.MEDIA_WORDS and name not in demonyms
            and not (len(group) > 2 and _INITIALISM.fullmatch(words[0]) and _opens_a_persons_name_here(text, words[1:]))):
        return [(start, end, name, "ORG", 0.75, None)]  # "housebuilder George Wimpey", "shares in Ann Lee" (extract46)
    if len(group) == 2 and words[1] in _SURNAME_LAW_WORDS and words[0] in gz.given_names() and words[0] not in places:
        return [(start, end, name, "PERSON", 0.6, gz.given_names()[words[0]])]  # "Ann Law": a person, not a law
    if len(group) > 1 and words[-1] == "State" and text[group[-2].end:group[-1].start] == " ":
        # "Islamic State" is a body; "New York State" the place it extends (extract45: the first
        # had been typed PERSON, the default for two unknown words, in 719 FNC-1 mentions)
        if text[start:group[-2].end] in places:
            return [(start, end, name, "GPE", 0.7, None)]
        return [(start, end, name, "ORG", 0.65, None)]
    if last in gz.ORG_WORDS or last in gz.MEDIA_WORDS or last in gz.LAW_WORDS or words[0] == "Operation":
        kind = ("MEDIA" if last in gz.MEDIA_WORDS or words[0] in gz.MEDIA_NAMES else "EVENT" if words[0] == "Operation"
                else "LAW" if last in gz.LAW_WORDS else "ORG")
        return [(start, end, name, kind, 0.7, None)]
    if last in gz.LOC_WORDS and len(group) > 1:
        return [(start, end, name, "LOC", 0.65, None)]
    if last in gz.EVENT_WORDS and len(group) > 1:
        return [(start, end, name, "EVENT", 0.6, None)]
    if (name.isupper() and len(name) > 3 and (dateline := _DATELINE.match(text, end)) and _opens_a_line(text, start)
            and runs.written_once(name) and (dateline.group("region") or dateline.group("date") or "(" in dateline.group()
                                             or not (_INITIALISM.fullmatch(name) or any(gz.is_common_word(w) for w in words)))):
        # (an initialism used again, "NATO - ... NATO said", is a body's; "UPDATE -", "LIVE UPDATES -" are words,
        # unless a region follows: "PALM GROVE GARDENS, Fla. -"; an initialism's length, "NATO -", "AMAZON -",
        # is a place only with a region or an outlet in brackets after it: in 2,450 dev-news texts every
        # unknown dateline the rule read had one; extract48)
        # (read before the class rules: `PORT ELLERBY, March 3 (Agency) -` had been a LOC by its first word; newuser59)
        # (0.75: surer than a class rule's reading of the name written again, `in Port <Name>`; extract65)
        return [(start, end, name.title(), "GPE", 0.75, None)]  # "LARCHMOUTH —": a dateline names a place (extract47)
    if len(group) > 1 and words[0] in _PLACE_OPENERS and text[group[0].end:group[1].start] == " of " and words[-1] not in _HEAD_NOUNS:
        return [(start, end, name, "GPE", 0.65, None)]  # "City of <Place>", "Borough of <Name>": a place (its body's head word, "Police", "Council", was read before)
    typed = entity_types.class_type(text, start, end, words, places) if len(group) > 1 else None  # clubs, grounds, rivers, "North Africa"
    if typed is not None:
        return [(start, end, typed[0], typed[1], typed[2], None)]
    if len(group) > 1 and words[0] in places and _opens_a_persons_name(words):
        # "George W Bush", "Florence Okafor": a census given name that also names a place, before a
        # surname or an initial, is the person's first name, not a place before a name (extract45)
        return [(start, end, name, "PERSON", 0.6, gz.given_names()[words[0]])]
    if len(group) > 2 and len(words[0].replace(".", "")) > 2 and _INITIALISM.fullmatch(words[0]) and _opens_a_persons_name_here(text, words[1:]):
        # "aerospace group EADS Philippe Camus": an initialism before a given name and a surname is
        # the body the person belongs to, another name (extract45); two capitals are more often the
        # initials of the same name ("JP Morgan Chase", "CB Richard Ellis")
        return _type_group(text, group[:1], runs) + [_Rest(group[1:])]
    if (len(group) > 3 and words[1] in gz.GROUP_WORDS and text[group[0].end:group[1].start] == text[group[1].end:group[2].start] == " "
            and _opens_a_persons_name(words[2:])):
        # "Liberal Democrat Ann Lee", "Social Democrat Ben Ode": a member's party, then the member (extract65)
        return [(start, group[1].end, text[start:group[1].end], "NORP", 0.6, None), _Rest(group[2:])]
    if len(group) > 1 and (words[0] in demonyms or words[0] in places or words[0] in gz.TITLES and not _holder_of_see(text, group)):
        return _type_group(text, group[:1], runs) + [_Rest(group[1:])]
    if words[0] in gz.MEDIA_NAMES:
        return [(start, end, name, "MEDIA", 0.75, None)]
    if name in demonyms:
        return [(start, end, demonyms[name], "NORP", 0.8, None)]
    if len(group) == 1 and name in gz.CREED_WORDS:
        return [(start, end, name, "NORP", 0.75, None)]  # "Islamic law", "Orthodox nuns": a faith's group word (extract71)
    if len(group) == 1 and name.count("-") == 1 and all(part in demonyms for part in name.split("-")):
        return [(start, end, name, "NORP", 0.75, None)]  # "Irish-American": a hyphenated identity (extract45)
    if len(group) == 1 and name in gz.US_STATE_ABBREVIATIONS and _after_dateline_town(text, start, end):
        return [(start, end, gz.US_STATE_ABBREVIATIONS[name], "GPE", 0.7, None)]  # "ELONVILLE, N.C. -", "KESBY, Fla. -"
    if len(group) == 1 and _INITIALISM.fullmatch(name):
        return [(start, end, name, "ORG", 0.5, None)]
    if title is None:  # British style: "Mr Blair", "Mrs Smith" (no full stop; function words here)
        courtesy = _COURTESY.search(text, max(0, start - 5), start)
        title = courtesy.group(1) + "." if courtesy else None
    given = gz.given_names()
    gender = "female" if title in gz.FEMALE_TITLES else "male" if title in gz.MALE_TITLES else given.get(words[0]) if len(words) > 1 else None
    if title is not None:
        return [(start, end, name, "PERSON", 0.8, gender)]
    if title is None and _before_a_state(text, end, abbreviated_only=words[0] in given):
        return [(start, end, name, "GPE", 0.55, None)]  # "in East Carling, Mich.,", "Delford, Ohio": a town (extract47)
    if len(group) > 1 and any(_plural_possessor_gap(text, a, b) for a, b in zip(group, group[1:])):
        return [(start, end, name, "ORG", 0.5, None)]  # "Lawyers' Christian Fellowship": a plural's possessive names no person (extract48)
    if 2 <= len(group) <= 4 and all(t.text[:1].isupper() for t in group):
        if words[0] in given and entity_types.body_last_word(words):
            return [(start, end, name, "ORG", 0.5, None)]  # "Warner Bros", "Grace Logistics": a given name opens a body's name (extract47)
        if words[0] in given:  # a census given name first: "Ann Lee"
            return [(start, end, name, "PERSON", 0.7, gender)]
        if words[0] in _NUMBER_WORDS:
            return [(start, end, name, "ORG", 0.45, None)]  # "Four Seasons", "First Look": no person's name (extract46)
        return [(start, end, name, entity_types.unknown_type(text, start, end, words), 0.45, None)]
    if _SPEECH_AFTER.match(text[end:end + 20]) and entity_types.may_be_surname(name):
        return [(start, end, name, "PERSON", 0.55, None)]
    if len(group) == 1 and name in given:
        return [(start, end, name, "PERSON", 0.45, given[name])]
    if len(group) == 1 and _GROUP_SUFFIX.search(name):
        return [(start, end, name, "NORP", 0.4, None)]  # "Islamist", "Blairites", "Maoist"
    if len(group) == 1 and entity_types.person_noun_before(text, start):
        return [(start, end, name, "PERSON", 0.5, None)]  # "the graffiti artist Quibbly", "father of Quibbly" (extract46)
    if len(group) == 1 and entity_types.person_noun_after(text, end, name):
        return [(start, end, name, "PERSON", 0.5, None)]  # "the <Surname> brothers", "the <Surname> administration"
    if _LOCATIVE.search(text, max(0, start - 8), start) and name in gz.towns():
        return [(start, end, name, "GPE", 0.5, None)]  # "in Carlisle", "near Kobani"
    if len(group) == 1:
        place = entity_types.place_noun_after(text, end)
        if place is not None:
            return [(start, end, name, place, 0.5, None)]  # "Belmarsh prison", "the Xiluodu dam"
    if len(group) == 1 and _MODEL_CODE.fullmatch(name):
        return [(start, end, name, "OTHER", 0.4, None)]  # "Q460", "KV-22", "T-88": a model's code, no body
    return [(start, end, name, UNKNOWN_ONEWORD, 0.3, None)]


_MODEL_CODE = re.compile(r"(?!G\d)[A-Z]{1,3}-?\d{2,5}[A-Z]{0,2}s?")
"""A lone word of one to three capitals and two to five digits (`Q460`, `KV-22`, `T-88s`, `R400X`): an
aircraft's, a weapon's, a product's model, typed OTHER where the one-word default made it a body (dev: pass A
types them MISC; 35 such mentions in the dev-news texts outside the held-out sets, all but a few models).
Not `G7`, `G20` (groups of states). A word with a body, place or person reading is typed before this."""


def _opens_a_persons_name(words: list[str]) -> bool:
    """The words are a given name and one or two more that can only be a person's: initials
    (`W`, `J.`) or surnames, never a place, nationality, title, head noun (`Austin Airport`,
    `Florence Cathedral`) or a word the dictionary has only in lower case unless the census has it
    as a surname (`Bush`)."""
    if words[0] not in gz.given_names() or not 2 <= len(words) <= 3:
        return False
    places, demonyms, surnames = gz.places(), gz.demonyms(), gz.surnames()
    for word in words[1:]:
        if len(word.rstrip(".")) == 1:
            continue  # an initial
        if (word in places or word in demonyms or word in _HEAD_NOUNS or word in gz.TITLES or word in gz.COMPASS
                or word.lower() in entity_types.PLACE_NOUNS_AFTER):
            return False
        if gz.is_common_word(word) and word not in surnames:
            return False
    return True


_SURNAME_LAW_WORDS = frozenset({"Law"})
"""A law word that is also a common surname: after a census given name (`Ann Law`) the two words
name a person. Not `Plan`, `Bill`, `Code` (`Marshall Plan`: plans and bills are named after people)."""


_GROUP_SUFFIX = re.compile(r"[a-z](?:ist|ists|ite|ites)$")
_LOCATIVE = re.compile(r"\b(?:in|near|outside|from|around|across|into|of)\s$")

UNKNOWN_ONEWORD = "ORG"
"""A lone capitalised word mid-sentence with no cue: in news most are companies, brands, bodies."""


def _longest_first(raw):
    raw = sorted(raw, key=lambda r: (r[0], -(r[1] - r[0])))
    out, last_end = [], -1
    for r in raw:
        if r[0] >= last_end and r[1] > r[0]:
            out.append(r)
            last_end = r[1]
    return out


def _abbreviates(text: str, previous: tuple, start: int, surface: str) -> bool:
    """An initialism in brackets right after a name made of its initials is that name's short form."""
    if not (surface.isupper() and 2 <= len(surface) <= 8 and text[previous[1]:start] == " (" and previous[3] in ("ORG", "MEDIA", "PERSON", "LAW", "EVENT", "OTHER")):
        return False
    initials = "".join(w[0] for w in text[previous[0]:previous[1]].split() if w[:1].isupper())
    return initials == surface


def _link_short_names(text: str, raw) -> list[Mention]:
    """A one-word name that is the last word of a longer name in the article is that entity."""
    full: dict[str, tuple[str, str, str | None]] = {}
    for start, end, name, kind, conf, gender in raw:
        parts = name.split()
        if (kind in ("PERSON", "ORG", "OTHER") or kind == "EVENT" and entity_types.storm_name(parts)) and len(parts) > 1 and not parts[-1][:1].isdigit():
            # ("EVENT": "<Name>" after "Storm <Name>" is the storm, not a person of that given name)
            full.setdefault(parts[-1], (name, kind, gender))  # ("OTHER": "the Watch" after "Norcom Watch", extract49)
            tail = _LEADING_PARTICLE.search(name)
            if kind == "PERSON" and tail is not None and tail.start() > 0:
                full.setdefault(name[tail.start():], (name, kind, gender))  # "Mr de <Name>" after "<Given> de <Name>"
            article = _ARTICLE_BEFORE.match(parts[-1])
            if article is not None and article.end() < len(parts[-1]):
                full.setdefault(parts[-1][article.end():], (name, kind, gender))  # "<Name>" after "<Given> al-<Name>"
    best: dict[str, tuple[float, str, str]] = {}
    for start, end, name, kind, conf, gender in raw:
        surface = text[start:end]
        if surface not in best or conf > best[surface][0]:
            best[surface] = (conf, name, kind)
    for start, end, name, kind, conf, gender in raw:
        if kind == "GPE" and name != text[start:end] and text[start:end].title() == name and (name not in best or conf > best[name][0]):
            best[name] = (conf, name, kind)  # "CALLOWAY, Maine -": the dateline's place, wherever else written "Calloway" (extract48)
    out = []
    previous = None
    for start, end, name, kind, conf, gender in raw:
        surface = text[start:end]
        if previous is not None and _abbreviates(text, previous, start, surface):
            full[surface] = (previous[2], previous[3], None)  # "International Court of Justice (ICJ)"
        previous = (start, end, name, kind)
        if (" " not in surface or _LEADING_PARTICLE.match(surface)) and surface in full and (kind in ("PERSON", "OTHER", "ORG") or _surname_not_place(text, start, end, kind, full[surface])):
            name, kind, gender = full[surface][0], full[surface][1], full[surface][2] or gender
            conf = max(conf, 0.7)
        elif best[surface][0] > conf:  # one surface, one reading per article: the surest one
            conf, name, kind = best[surface]
        out.append(Mention(start, end, name, kind, "NAME", conf, gender))
    return out


_NAME_NEXT = re.compile(r" [A-Z]")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|outside|from|around|across|into|at|to|of|for|via|through)\s+(?:the\s+)?$", re.IGNORECASE)


def _surname_not_place(text: str, start: int, end: int, kind: str, full: tuple) -> bool:
    """A lone word the gazetteer knows as a town, in an article that names a person with it as
    surname (`Ann Chandler ... Chandler said`), is that person, unless a preposition puts it in
    a place's position (`in Chandler`, `from Chandler`). The longer name must open with a census
    given name (`CBC Ottawa`, an outlet the entity layer typed a person, does not make `Ottawa` one),
    and the word must not open a longer name itself (`President Ann Lee Tom`: split by a title), nor
    be in capitals (`US` in a headline the entity layer read as a person's name, `<Given> <Verb> US`)."""
    if kind != "GPE" or full[1] != "PERSON" or text[start:end].isupper() or _NAME_NEXT.match(text, end):
        return False
    if _COURTESY_BEFORE.search(text, max(0, start - 5), start):
        return True  # "Dmitry Kursk ... Mr Kursk": a courtesy title names the person, whatever his given name (extract47)
    return (full[0].split()[0] in gz.given_names()
            and (text.startswith(("’s", "'s"), end) or not _PLACE_PREPOSITION.search(text, max(0, start - 12), start)))
    # ("news of Kursk's arrest": a possessive after it, the person's, not the place's)

