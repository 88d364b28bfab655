"""Parse one annotation source: libyaml's C parser, a strict composer, line numbers on the side.

Why not `yaml.load(..., SafeLoader)`: the pure-Python loader costs most of a build, and it
quietly accepts what an annotation source must not contain. Here libyaml (`yaml.CSafeLoader`)
does the scanning and parsing; a small Python composer on its events refuses anchors and
aliases (a few hundred bytes of aliases can stand for gigabytes), nesting deeper than
MAX_DEPTH (libyaml's own composer recurses in C and crashes the process on deep input),
explicit tags other than plain YAML types, and duplicate keys (the last one would silently
win). The line of every mapping, of each of its keys and of each list item is kept in a side
table keyed by the object, never inside the data, so no line number can leak into a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from landstrikes.errors import BuildError, short

MAX_DEPTH = 20
"""Deepest nesting of lists and mappings a source may have (the real ones use 4)."""
MAX_SOURCE_BYTES = 16 * 1024 * 1024
"""Largest annotation source read (the largest real one is about 31 KB)."""

_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map")}
_IMPLICIT_DROPPED = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}


@dataclass
class Lines:
    """Where each mapping and list of one file starts, with the line of each key / item.

    Entries keep a reference to their object, so an id() is never reused while the table lives.
    """

    by_id: dict[int, tuple[object, int, dict | list]] = field(default_factory=dict)

    def add(self, obj, line: int, parts) -> None:
        self.by_id[id(obj)] = (obj, line, parts)

    def of(self, obj) -> int | None:
        entry = self.by_id.get(id(obj))
        return entry[1] if entry is not None and entry[0] is obj else None

    def parts(self, obj):
        entry = self.by_id.get(id(obj))
        return entry[2] if entry is not None and entry[0] is obj else None

    def of_key(self, mapping, key) -> int | None:
        parts = self.parts(mapping)
        return parts.get(key) if isinstance(parts, dict) else None

    def of_item(self, sequence, index: int) -> int | None:
        parts = self.parts(sequence)
        return parts[index] if isinstance(parts, list) and 0 <= index < len(parts) else None


class SourceProblem(Exception):
    """A problem found while parsing, with its 1-based line and check id (made a BuildError later)."""

    def __init__(self, line: int | None, check: str, reason: str):
        super().__init__(reason)
        self.line, self.check, self.reason = line, check, reason


def _line(mark) -> int | None:
    return mark.line + 1 if mark is not None else None


_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_DECIMAL_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_BOOL = "tag:yaml.org,2002:bool"


def _plain_scalar(tag: str, event) -> None:
    """Refuse a boolean written other than true / false (`yes`, `no`, `on`, `off`: YAML 1.1 reads
    `country: NO` as False, a text lost without a word), and a number YAML 1.1 reads other than as
    its digits read (attack14: `low: 0250000` was read as octal, 86016, and `n: 010` as occurrence
    8, both silently): a leading zero, 0x, 0b, a colon (base 60: `1:20` is 80) or an underscore in
    an integer, a colon or an underscore in a float (`1_000.5`, as `1_000` is refused). Plain decimal numbers, and quoted text, pass. `tag` is the
    resolved tag of a plain scalar or the explicit tag of any scalar (review14: `!!int 0250000` and
    `!!bool yes` were read as 86016 and True); a tagged value that is no integer or boolean at all
    (`!!int ''`, `!!bool maybe`) is `yaml-value`."""
    value = event.value
    if tag == _INT and not _DECIMAL_INT.fullmatch(value):
        digits = value.lstrip("+-")
        why = ("base 60" if ":" in value else "hexadecimal" if digits.startswith("0x") else "binary" if digits.startswith("0b")
               else "digits grouped by _" if "_" in value else "octal, for its leading zero" if digits.startswith("0")
               else None)
        if why is None:
            raise SourceProblem(_line(event.start_mark), "yaml-value", f"cannot read value: {short(value, 40)} is not an integer")
    elif tag == _FLOAT and ":" in value:
        why = "base 60"
    elif tag == _FLOAT and "_" in value:
        why = "digits grouped by _"
    elif tag == _BOOL and value.lower() not in ("true", "false"):
        if value.lower() not in ("yes", "no", "on", "off"):
            raise SourceProblem(_line(event.start_mark), "yaml-value", f"cannot read value: {short(value, 40)} is not a boolean")
        raise SourceProblem(_line(event.start_mark), "yaml-bool",
                            f"{short(value, 40)} is read by YAML 1.1 as the boolean {value.lower() in ('yes', 'on')}; "
                            "write true or false (or put it in quotes if it is text: `NO` is Norway's code)")
    else:
        return
    raise SourceProblem(_line(event.start_mark), "yaml-number",
                        f"the number {short(value, 40)} is read by YAML 1.1 as {why}; write it in plain "
                        "decimal digits (or in quotes if it is text)")


class SourceLoader(yaml.CSafeLoader):
    """libyaml's scanner and parser; composing and constructing in Python with the refusals above."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _IMPLICIT_DROPPED]
        for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream):
        super().__init__(stream)
        self.depth = 0
        self.lines = Lines()

    # -- composing (events -> nodes); replaces libyaml's recursive C composer ---------------
    def get_single_node(self):
        self.get_event()  # stream start
        node = None
        if not self.check_event(StreamEndEvent):
            self.get_event()  # document start
            node = self.compose_node(None, None)
            self.get_event()  # document end
        if not self.check_event(StreamEndEvent):
            raise SourceProblem(_line(self.peek_event().start_mark), "yaml-syntax",
                                "a source must hold one YAML document (found a second '---')")
        self.get_event()
        return node

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise SourceProblem(_line(event.start_mark), "yaml-anchor",
                                f"YAML alias *{event.anchor[:30]} is not allowed in annotation sources; write the value out")
        if event.anchor is not None:
            raise SourceProblem(_line(event.start_mark), "yaml-anchor",
                                f"YAML anchor &{event.anchor[:30]} is not allowed in annotation sources; write the value out")
        tag = event.tag
        if tag is not None and tag != "!" and tag not in _PLAIN_TAGS:
            raise SourceProblem(_line(event.start_mark), "yaml-tag",
                                f"YAML tag {short(tag, 40)} is not allowed; only plain strings, numbers, booleans, null, lists and mappings")
        if isinstance(event, ScalarEvent):
            self.get_event()
            if tag is None or tag == "!":
                tag = self.resolve(ScalarNode, event.value, event.implicit)
            _plain_scalar(tag, event)  # an explicit !!int / !!bool too (review14)
            return ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise SourceProblem(_line(event.start_mark), "yaml-too-deep",
                                f"lists and mappings are nested more than {MAX_DEPTH} deep")
        if isinstance(event, SequenceStartEvent):
            node = self._compose_collection(event, SequenceNode, SequenceEndEvent, tag)
        elif isinstance(event, MappingStartEvent):
            node = self._compose_collection(event, MappingNode, MappingEndEvent, tag)
        else:  # pragma: no cover - libyaml yields no other event here
            raise SourceProblem(_line(event.start_mark), "yaml-syntax", f"unexpected YAML event {type(event).__name__}")
        self.depth -= 1
        return node

    def _compose_collection(self, start, node_class, end_class, tag):
        self.get_event()
        if tag is None or tag == "!":
            tag = self.resolve(node_class, None, start.implicit)
        node = node_class(tag, [], start.start_mark, None, flow_style=start.flow_style)
        if node_class is SequenceNode:
            while not self.check_event(end_class):
                node.value.append(self.compose_node(node, None))
        else:
            while not self.check_event(end_class):
                key = self.compose_node(node, None)
                node.value.append((key, self.compose_node(node, key)))
        node.end_mark = self.get_event().end_mark
        return node

    # -- constructing (nodes -> Python objects) ---------------------------------------------
    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError, TypeError) as exc:  # e.g. an int of 5,000 digits
            raise SourceProblem(_line(node.start_mark), "yaml-value", f"cannot read value: {exc}") from None

    def construct_source_map(self, node):
        data: dict = {}
        yield data
        key_lines: dict = {}
        for key_node, value_node in node.value:
            key_line = _line(key_node.start_mark)
            if not isinstance(key_node, ScalarNode):
                raise SourceProblem(key_line, "wrong-type", "a mapping key must be a plain string, not a list or mapping")
            key = self.construct_object(key_node)
            if not isinstance(key, str):
                raise SourceProblem(key_line, "wrong-type",
                                    f"mapping key {short(key)} must be a string (write it in quotes)")
            if key in data:
                raise SourceProblem(key_line, "yaml-duplicate-key",
                                    f"duplicate key {short(key)} (first given at line {key_lines[key]}); a mapping names each key once")
            data[key] = self.construct_object(value_node)
            key_lines[key] = key_line
        self.lines.add(data, _line(node.start_mark), key_lines)

    def construct_source_seq(self, node):
        data: list = []
        yield data
        data.extend(self.construct_object(child) for child in node.value)
        self.lines.add(data, _line(node.start_mark), [_line(child.start_mark) for child in node.value])


SourceLoader.add_constructor("tag:yaml.org,2002:map", SourceLoader.construct_source_map)
SourceLoader.add_constructor("tag:yaml.org,2002:seq", SourceLoader.construct_source_seq)


def _line_of_byte(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, max(0, offset)) + 1


def read_source_text(path: Path, what: str = "annotation source") -> str:
    """The file's text, or a BuildError naming why it cannot be read (line of a bad byte)."""
    try:
        if not path.is_file():
            kind = "a directory" if path.is_dir() else "missing or not a regular file"
            raise BuildError(path, f"{what} is {kind}", check="source-unreadable")
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise BuildError(path, f"{what} has {size} bytes; at most {MAX_SOURCE_BYTES} are read", check="source-too-large")
        data = path.read_bytes()
    except OSError as exc:
        raise BuildError(path, f"{what} cannot be read ({exc.strerror or exc})", check="source-unreadable") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BuildError(path, f"{what} is not valid UTF-8 (byte {exc.start}: {exc.reason})",
                         _line_of_byte(data, exc.start), check="source-not-utf8") from None


@dataclass(frozen=True)
class Parsed:
    """One parsed source: its data (plain dicts, lists and scalars) and where each part is."""

    file: Path
    data: object
    lines: Lines


def parse_source(path: Path) -> Parsed:
    """Read and parse one YAML source strictly; every problem is a one-line BuildError."""
    text = read_source_text(path)
    loader = SourceLoader(text)
    try:
        data = loader.get_single_data()
    except SourceProblem as exc:
        raise BuildError(path, exc.reason, exc.line, check=exc.check) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise BuildError(path, f"invalid YAML: {exc.problem or exc.context}", _line(mark), check="yaml-syntax") from None
    except yaml.YAMLError as exc:  # e.g. a reader error: a control character
        line = _line_of_byte(text.encode("utf-8"), getattr(exc, "position", 0)) if hasattr(exc, "position") else None
        reason = getattr(exc, "reason", None) or exc
        raise BuildError(path, f"invalid YAML: {reason}", line, check="yaml-syntax") from None
    except RecursionError:  # cannot happen below MAX_DEPTH; kept so no input gives a traceback
        raise BuildError(path, "YAML nested too deeply", check="yaml-too-deep") from None
    finally:
        loader.dispose()
    return Parsed(path, data, loader.lines)
