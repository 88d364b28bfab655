"""Generated blocks inside hand-written Markdown: `<!-- stats:NAME -->...<!-- /stats:NAME -->`.

The prose around a block is the author's; the block's body belongs to `landstrikes stats` and
is replaced whole. A body without a line break stays inline, so a number can sit in a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(r"<!-- (?P<close>/?)stats:(?P<name>[a-z0-9-]+) -->")


class BlockSyntaxError(Exception):
    """Markers that do not pair up; the message names the document and the block."""


@dataclass(frozen=True)
class Block:
    name: str
    body_start: int
    body_end: int


def find_blocks(text: str, where: str = "document") -> list[Block]:
    """The blocks of text in order; raises BlockSyntaxError for unpaired, nested or repeated markers."""
    blocks, open_name, open_end, seen = [], None, 0, set()
    for m in _MARKER.finditer(text):
        name = m["name"]
        if not m["close"]:
            if open_name is not None:
                raise BlockSyntaxError(f"{where}: block {open_name!r} is not closed before {name!r} opens")
            if name in seen:
                raise BlockSyntaxError(f"{where}: block {name!r} appears twice")
            open_name, open_end = name, m.end()
        else:
            if open_name != name:
                raise BlockSyntaxError(f"{where}: closing marker of {name!r} without its opening marker")
            blocks.append(Block(name, open_end, m.start()))
            seen.add(name)
            open_name = None
    if open_name is not None:
        raise BlockSyntaxError(f"{where}: block {open_name!r} is never closed")
    return blocks


def framed(content: str) -> str:
    """A block body as written between its markers: inline for one line, on its own lines otherwise."""
    return f"\n{content}\n" if "\n" in content else content


def fill_blocks(text: str, rendered: dict[str, str], where: str = "document") -> str:
    """text with every block's body replaced by its rendering; an unknown block name is an error."""
    out, last = [], 0
    for block in find_blocks(text, where):
        if block.name not in rendered:
            raise BlockSyntaxError(
                f"{where}: unknown block {block.name!r} (known: {', '.join(sorted(rendered))})"
            )
        out += [text[last : block.body_start], framed(rendered[block.name])]
        last = block.body_end
    return "".join(out) + text[last:]


def with_block(text: str, name: str, body: str, where: str = "document") -> str:
    """text with the body of block `name` (if it has one) replaced by `body`; every other byte kept."""
    for block in find_blocks(text, where):
        if block.name == name:
            return text[: block.body_start] + framed(body) + text[block.body_end :]
    return text


def drifted_blocks(
    text: str, rendered: dict[str, str], required: tuple[str, ...] = (), where: str = "document"
) -> list[str]:
    """Names of blocks whose body differs from the rendering, and of required blocks that are missing."""
    blocks = find_blocks(text, where)
    present = {b.name for b in blocks}
    unknown = present - set(rendered)
    if unknown:
        raise BlockSyntaxError(f"{where}: unknown block {min(unknown)!r}")
    stale = [b.name for b in blocks if text[b.body_start : b.body_end] != framed(rendered[b.name])]
    return stale + [f"{name} (missing)" for name in required if name not in present]
