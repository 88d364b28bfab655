"""Load the human-written annotation sources (YAML, safe loading) keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from landstrikes.errors import BuildError

LINE_KEY = "__line__"


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that records each mapping's 1-based line under LINE_KEY."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping


def load_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506 (SafeLoader subclass)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise BuildError(path, f"invalid YAML: {getattr(exc, 'problem', exc)}", mark.line + 1 if mark else None) from None
    except UnicodeDecodeError:
        raise BuildError(path, "annotation source is not valid UTF-8") from None


@dataclass(frozen=True)
class Record:
    """One mapping from a source file, with where it came from for error messages."""

    data: dict
    file: Path

    @property
    def line(self) -> int | None:
        return self.data.get(LINE_KEY)

    def error(self, reason: str) -> BuildError:
        return BuildError(self.file, reason, self.line)

    def get(self, key: str, default=None):
        return self.data.get(key, default)

    def require(self, key: str):
        if key not in self.data or self.data[key] is None:
            raise self.error(f"missing required field {key!r}")
        return self.data[key]

    def check_keys(self, allowed: set[str]) -> None:
        unknown = set(self.data) - allowed - {LINE_KEY}
        if unknown:
            raise self.error(f"unknown field(s) {sorted(unknown)}; allowed: {sorted(allowed)}")


def records(path: Path, value, what: str) -> list[Record]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise BuildError(path, f"{what} must be a list of mappings")
    return [Record(v, path) for v in value]


@dataclass(frozen=True)
class ArticleSource:
    """The annotation source of one article: layers as lists of records."""

    file: Path
    article: str
    layers: dict[str, list[Record]]

    def layer(self, name: str) -> list[Record]:
        return self.layers.get(name, [])


ARTICLE_LAYERS = ("mentions", "exclusions", "quotes", "claims", "stances", "segments", "quality")


def load_article_sources(folder: Path) -> dict[str, ArticleSource]:
    """article file name -> its source; one YAML per article."""
    out = {}
    for path in sorted(folder.glob("*.yaml")):
        doc = load_yaml(path)
        if not isinstance(doc, dict) or "article" not in doc:
            raise BuildError(path, "annotation source must be a mapping with an 'article' field", 1)
        unknown = set(doc) - set(ARTICLE_LAYERS) - {"article", LINE_KEY}
        if unknown:
            raise BuildError(path, f"unknown layer(s) {sorted(unknown)}; known: {list(ARTICLE_LAYERS)}", 1)
        out[doc["article"]] = ArticleSource(path, doc["article"], {k: records(path, doc.get(k), k) for k in ARTICLE_LAYERS})
    return out


def load_catalogue(path: Path, what: str) -> list[Record]:
    if not path.exists():
        raise BuildError(path, f"missing {what} catalogue")
    return records(path, load_yaml(path), what)
