"""Each article's annotation source pins the raw text it was annotated on (attack54).

Spans are anchored by their text, so a raw file converted outside git (CRLF line ends, a
byte-order mark, NFC/NFD, a final line end added or dropped, a no-break space turned into a
space) built another dataset that validated: every offset after the change moved, and nothing
said so. The source's `raw: {sha256: ..., n_chars: ...}` (the `articles` table's columns of the
same names: the raw file's sha256 and its length in code points) is compared with the file
before any builder runs; a difference is one line naming the raw file, both digests and
lengths, and the conversion that explains it when one does.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from landstrikes.annotations.raw import RawArticle
from landstrikes.annotations.sources import RAW_PIN, ArticleSource, type_name
from landstrikes.errors import BuildError, counted, short

CHANGED = "raw-text-changed"
UNPINNED = "raw-not-pinned"
_HEX = re.compile(r"[0-9a-f]{64}")
_DIAGNOSED_UP_TO = 1 << 22
"""Longest text (code points) whose conversion is looked for: a few dozen hashes of it."""


@dataclass(frozen=True)
class RawPin:
    sha256: str
    n_chars: int
    line: int | None


def pin_text(article: RawArticle) -> str:
    """The line that pins this raw text, to paste after `article:` once the text is checked."""
    return f"{RAW_PIN}: {{sha256: {article.sha256}, n_chars: {len(article.text)}}}"


def read_pin(source: ArticleSource, article: RawArticle) -> RawPin:
    top = source.top
    value = top.get(RAW_PIN) if top is not None else None
    if value is None:
        raise BuildError(source.file, f"pins no raw text: after 'article:' add the line '{pin_text(article)}' (the "
                         f"digest and length of raw/{source.article[:60]} as it is now), once you have checked "
                         "it is the text these annotations were made on", source.article_line, UNPINNED)
    if not isinstance(value, dict):
        raise top.error(f"{RAW_PIN} must be a mapping {{sha256: ..., n_chars: ...}}, not {type_name(value)} "
                        f"{short(value)}", RAW_PIN, "wrong-type")
    pin = top.child(value)
    pin.check_keys({"sha256", "n_chars"})
    digest, n_chars = pin.require("sha256"), pin.require("n_chars")
    if not isinstance(digest, str) or not _HEX.fullmatch(digest):
        raise pin.error(f"sha256 must be 64 lower-case hex digits, not {type_name(digest)} {short(digest)}", "sha256",
                        "wrong-type")
    if not isinstance(n_chars, int) or isinstance(n_chars, bool) or n_chars < 1:
        raise pin.error(f"n_chars must be a whole number from 1, not {type_name(n_chars)} {short(n_chars)}", "n_chars",
                        "wrong-type")
    return RawPin(digest, n_chars, pin.line_of("sha256"))


def check_pins(raw_dir: Path, articles: dict[str, RawArticle], sources: dict[str, ArticleSource]) -> None:
    """Every source's raw file (source_file -> article) is the text it pins, byte for byte; else one
    BuildError naming the first that is not."""
    pins = {name: read_pin(source, articles[name]) for name, source in sources.items() if name in articles}
    pinned_by = {pin.sha256: sources[name] for name, pin in pins.items()}
    for name, pin in pins.items():
        article = articles[name]
        if article.sha256 != pin.sha256:
            raise _changed(raw_dir, sources[name], article, pin, pinned_by.get(article.sha256))


def _changed(raw_dir: Path, source: ArticleSource, article: RawArticle, pin: RawPin,
             other: ArticleSource | None) -> BuildError:
    where = f"{source.file}:{pin.line}" if pin.line is not None else str(source.file)
    found = conversion(article.text, pin) if other is None else ""
    why = (f"it is the text {other.file.name} pins: raw files swapped or renamed" if other is not None
           else f"it was converted: {found}" if found
           else "same length: characters were replaced, e.g. a no-break space by a space" if len(article.text) == pin.n_chars
           else "edited or converted")
    return BuildError(raw_dir / article.source_file,
                      f"is not the text its annotations were made on ({why}): sha256 {article.sha256}, "
                      f"{counted(len(article.text), 'code point', spec=',')}; {where} pins {pin.sha256[:16]}…, {pin.n_chars:,}; restore the "
                      "file (git checkout), or re-anchor the annotations to the new text and pin it; nothing was built",
                      check=CHANGED)


def _strip_bom(text: str) -> str | None:
    return text[1:] if text.startswith("\ufeff") else None


def _crlf(text: str) -> str | None:
    return text.replace("\r\n", "\n") if "\r\n" in text else None


def _cr(text: str) -> str | None:
    return text.replace("\r", "\n") if "\r" in text and "\n" not in text else None


def _nfc(text: str) -> str | None:
    out = unicodedata.normalize("NFC", text)
    return out if out != text else None


def _nfd(text: str) -> str | None:
    out = unicodedata.normalize("NFD", text)
    return out if out != text else None


_MAX_END = 4
"""Most line ends added or dropped at the end that the diagnosis looks for."""


def _line_ends(text: str, pin: RawPin) -> tuple[str, str] | None:
    """Line ends added or dropped at the end: as many as the pinned length says."""
    more = pin.n_chars - len(text)
    if 0 < more <= _MAX_END:
        return f"{counted(more, 'final line end')} dropped", text + "\n" * more
    if 0 < -more <= _MAX_END and text.endswith("\n" * -more):
        return f"{counted(-more, 'final line end')} added", text[:more]
    return None


Undo = Callable[[str], "str | None"]
_STEPS: tuple[tuple[tuple[str, Undo], ...], ...] = (
    (("a byte-order mark added", _strip_bom),),
    (("line ends turned into CRLF", _crlf), ("line ends turned into CR", _cr)),
    (("decomposed (NFD)", _nfc), ("composed (NFC)", _nfd)),
)


def conversion(text: str, pin: RawPin) -> str:
    """Which common conversions, undone, give the pinned bytes ('' when none does): each step
    undone or not, in the order a converter would have applied them, then the final line ends."""
    if len(text) > _DIAGNOSED_UP_TO:
        return ""
    found = _undo(text, pin, 0, ())
    return ", ".join(found) if found else ""


def _undo(text: str, pin: RawPin, step: int, done: tuple[str, ...]) -> tuple[str, ...] | None:
    if step == len(_STEPS):
        ends = _line_ends(text, pin)
        for name, candidate in ((None, text), ends or (None, None)):
            said = done + ((name,) if name else ())
            if candidate is not None and said and _sha256(candidate) == pin.sha256:
                return said
        return None
    found = _undo(text, pin, step + 1, done)
    for name, undo in _STEPS[step]:
        if found:
            break
        undone = undo(text)
        if undone is not None:
            found = _undo(undone, pin, step + 1, done + (name,))
    return found


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
