"""Load the human-written annotation sources (strict YAML, see yamlsource) as records with lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from landstrikes.errors import BuildError, noun, short
from landstrikes.annotations.yamlsource import Lines, Parsed, parse_source


def load_yaml(path: Path) -> object:
    """The data of one source (plain dicts, lists, scalars: no line keys inside)."""
    return parse_source(Path(path)).data


@dataclass(frozen=True)
class Record:
    """One mapping from a source file, with where it (and each of its keys) came from."""

    data: dict
    file: Path
    lines: Lines = field(default_factory=Lines, compare=False, repr=False)

    @property
    def line(self) -> int | None:
        return self.lines.of(self.data)

    def line_of(self, key: str | None) -> int | None:
        """The line of `key` in this mapping (the mapping's own line when unknown)."""
        found = self.lines.of_key(self.data, key) if key is not None else None
        return found if found is not None else self.line

    def error(self, reason: str, key: str | None = None, check: str = "bad-source") -> BuildError:
        return BuildError(self.file, reason, self.line_of(key), check)

    def get(self, key: str, default=None):
        return self.data.get(key, default)

    def require(self, key: str):
        if key not in self.data or self.data[key] is None:
            raise self.error(f"missing required field {key!r}", check="missing-field")
        return self.data[key]

    def check_keys(self, allowed: set[str]) -> None:
        unknown = set(self.data) - set(allowed)
        if unknown:
            first = min(unknown, key=lambda k: self.line_of(k) or 0)
            names = ", ".join(short(k, 30) for k in sorted(unknown)[:5])
            raise self.error(f"unknown {noun(len(unknown), 'field')} {names}; allowed: {sorted(allowed)}", first, check="unknown-field")

    def child(self, value: dict) -> Record:
        """A nested mapping of this record as a record of its own (same file, its own lines)."""
        return Record(value, self.file, self.lines)


def records(parsed: Parsed, value, what: str, line: int | None = None) -> list[Record]:
    """The items of a list of mappings; a wrong item is named by its own line."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise BuildError(parsed.file, f"{what} must be a list of mappings, not {type_name(value)}", line, "wrong-type")
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise BuildError(parsed.file, f"each {what} must be a mapping, not {type_name(item)} {short(item)}",
                             parsed.lines.of_item(value, index) or line, "wrong-type")
    return [Record(item, parsed.file, parsed.lines) for item in value]


def type_name(value) -> str:
    """A reader's word for a YAML value's type."""
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "a mapping"}.get(type(value), type(value).__name__)


@dataclass(frozen=True)
class ArticleSource:
    """The annotation source of one article: layers as lists of records."""

    file: Path
    article: str
    layers: dict[str, list[Record]]
    article_line: int | None = None
    top: Record | None = field(default=None, compare=False, repr=False)
    """The source's top mapping: its `raw` pin (rawpins) is read from it."""

    def layer(self, name: str) -> list[Record]:
        return self.layers.get(name, [])


ARTICLE_LAYERS = ("mentions", "exclusions", "quotes", "claims", "stances", "segments", "quality")
RAW_PIN = "raw"
"""The key of the raw text's sha256 and length, the text the source was annotated on (rawpins)."""


def load_article_source(path: Path) -> ArticleSource:
    parsed = parse_source(path)
    doc = parsed.data
    if not isinstance(doc, dict):
        raise BuildError(path, f"annotation source must be a mapping with an 'article' field, not {type_name(doc)}", 1,
                         "source-structure")
    top = Record(doc, path, parsed.lines)
    article = top.require("article")
    if not isinstance(article, str) or not article:
        raise top.error(f"'article' must name a raw file (a string), not {type_name(article)}", "article", "wrong-type")
    top.check_keys({"article", RAW_PIN, *ARTICLE_LAYERS})
    layers = {k: records(parsed, doc.get(k), k, top.line_of(k)) for k in ARTICLE_LAYERS}
    return ArticleSource(path, article, layers, top.line_of("article"), top)


def load_article_sources(folder: Path) -> dict[str, ArticleSource]:
    """article file name -> its source; one YAML per article, no article annotated twice."""
    if not folder.is_dir():
        raise BuildError(folder, "the folder of article annotation sources is missing or not a folder", check="source-unreadable")
    out: dict[str, ArticleSource] = {}
    for path in sorted(folder.glob("*.yaml")):
        source = load_article_source(path)
        if source.article in out:
            raise BuildError(path, f"annotates {short(source.article)}, which {out[source.article].file.name} already annotates",
                             source.article_line, "duplicate-source")
        out[source.article] = source
    return out


def load_catalogue(path: Path, what: str) -> list[Record]:
    if not path.exists() and not path.is_symlink():
        raise BuildError(path, f"missing {what} catalogue", check="source-unreadable")
    parsed = parse_source(path)
    return records(parsed, parsed.data, what, 1)
