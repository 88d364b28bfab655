"""The annotation passes the agreement figures compare (first, second, third pass, the gold
frozen before the third), read as strictly as the build reads the sources (attack15).

`yaml.safe_load` read `occurrence: 010` as 8 (YAML 1.1 octal) and kept the last of two equal
keys; a pass folder that was missing, or held no YAML file, was a pass of no rows, and every
figure computed from it 0.0, written with exit 0. Each is now a one-line BuildError (exit 2)."""

from __future__ import annotations

from pathlib import Path

from landstrikes.annotations.yamlsource import parse_source
from landstrikes.annotations.spans import occurrences
from landstrikes.errors import BuildError, counted, short


def pass_files(folder: Path, pattern: str = "*.yaml") -> list[Path]:
    """The pass's YAML files; a missing folder or one without any is refused, not read as empty."""
    if not folder.is_dir():
        raise BuildError(folder, "annotation pass folder is missing or not a folder; the agreement figures are computed from it",
                         check="source-unreadable")
    files = sorted(folder.glob(pattern))
    if not files:
        raise BuildError(folder, f"annotation pass folder holds no {pattern} file; the agreement figures are computed from it",
                         check="source-unreadable")
    return files


def read_pass(path: Path):
    """One pass file, by the sources' strict loader (yaml-number, yaml-bool, duplicate keys,
    anchors): its data, with the line of each key and item for the refusals below."""
    return parse_source(path)


def article_of(path: Path, doc, texts: dict) -> tuple[str, str]:
    """(article_id, text) of the article a pass file names; a file naming no article of the table is refused."""
    name = doc.get("article") if isinstance(doc, dict) else None
    if not isinstance(name, str) or name not in texts:
        raise BuildError(path, f"names article {name!r}, which is no source_file of the articles table", check="raw-missing")
    return texts[name]


def claim_article(seen: dict, path: Path, article_id: str) -> None:
    """Record that `path` holds the pass for `article_id`; a second file of one pass naming the same
    article is refused (attack16: a copy beside a pass file, `000_... copy.yaml`, was read as more
    rows of that article and every row of it counted twice)."""
    if article_id in seen:
        raise BuildError(path, f"names article {article_id}, as {seen[article_id].name} beside it does; one pass holds one file per article",
                         check="duplicate-source")
    seen[article_id] = path


def refuse_repeated_keys(path: Path, key: str, items: list[dict], key_of, lines=None) -> None:
    """Items of one layer are matched by `key_of(item)` (stances: holder and target): a key given
    twice is refused, naming the second item (attack16: it replaced the first in a dict, its label
    won and the row count dropped)."""
    first: dict = {}
    for number, item in enumerate(items):
        item_key = key_of(item)
        if item_key in first:
            line = lines.of_item(items, number) if lines is not None else None
            raise BuildError(path, f"{key}[{number}] repeats the key {short(item_key)} of {key}[{first[item_key]}]; "
                                   f"the figures match {key} by it", line, check="duplicate-id")
        first[item_key] = number


def refuse_repeated_spans(path: Path, key: str, items: list[dict], spans: list, lines=None, label: str | None = None) -> None:
    """Quotes, claims and flags are matched by span, as the gold's ids are spans (a flag's with its
    flag): an item placed where another of its layer is was counted as one more row, moving every
    figure of its layer, exit 0 (attack26). `spans[number]` is `items[number]`'s; an item without
    a span is never a repeat."""
    placed = {id(item): (f"{item.get(label)} " if label else "") + f"{span[0]}-{span[1]}" if span else ("unplaced", number)
              for number, (item, span) in enumerate(zip(items, spans))}
    refuse_repeated_keys(path, key, items, lambda item: placed[id(item)], lines)


COMPARED = ("kind", "speaker", "speaker_status", "holder", "holder_kind", "target", "label", "stance_confidence",
            "consistency", "claim_type", "cluster", "variant", "record_status", "hedging", "flag")
"""Fields the figures compare or key rows by: a text or null. A list or mapping there stopped
`agreement` with `[internal-error] TypeError: unhashable type` (attack16)."""


def text_or_null(path: Path, where: str, value, line: int | None = None):
    """`value` if it is a text or null (a label the figures compare); else one line, [wrong-type]."""
    if value is not None and not isinstance(value, str):
        raise BuildError(path, f"{where}: a text or null expected, not {type(value).__name__} {short(value)}", line, check="wrong-type")
    return value


def catalogue_items(path: Path, doc, lines=None) -> list[dict]:
    """A pass's cluster catalogue: mappings with an `id`, a text-or-null `record_status`, and
    `variants` a list of such mappings (attack16: a list there was `[internal-error]`)."""
    clusters = listed_items(path, doc, "", ("id",))
    for number, cluster in enumerate(clusters):
        line = lines.of_item(doc, number) if lines is not None else None
        text_or_null(path, f"[{number}].record_status", cluster.get("record_status"), line)
        for at, variant in enumerate(listed_items(path, cluster.get("variants"), f"[{number}].variants", ("id",))):
            text_or_null(path, f"[{number}].variants[{at}].record_status", variant.get("record_status"), line)
    return clusters


def pass_items(path: Path, doc, key: str, required: tuple[str, ...] = (), lines=None) -> list[dict]:
    """The items of one layer of a pass file, each a mapping holding the fields the figures read,
    each COMPARED field a text or null; anything else is one line naming the file, layer and item
    (review15: a number for a list, or an item without `label`, stopped the command with
    `[internal-error] KeyError` and no file)."""
    items = listed_items(path, doc.get(key) if isinstance(doc, dict) else None, key, required)
    for number, item in enumerate(items):
        for name in COMPARED:
            text_or_null(path, f"{key}[{number}].{name}", item.get(name), lines.of_key(item, name) if lines is not None else None)
    return items


def listed_items(path: Path, items, key: str, required: tuple[str, ...] = ()) -> list[dict]:
    """`items` (a layer, or a whole file such as the cluster catalogue, `key` '') as a list of
    mappings holding `required`; None is no items."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise BuildError(path, f"{key or 'the file'}: a list of items expected, not {type(items).__name__}", check="wrong-type")
    for number, item in enumerate(items):
        if not isinstance(item, dict):
            raise BuildError(path, f"{key}[{number}]: a mapping expected, not {type(item).__name__}", check="wrong-type")
        missing = [name for name in required if item.get(name) is None]
        if missing:
            raise BuildError(path, f"{key}[{number}]: {', '.join(missing)} missing; the agreement figures read it", check="missing-field")
    return items


def item_span(path: Path, key: str, number: int, item: dict, needle_key: str, text: str, lines=None) -> tuple[int, int] | None:
    """Where an item's span text (`needle_key`) stands in the article, placed as `build` places a
    source's span (G4): an item without one has no span; an empty text, a text not in the article,
    an `occurrence` outside 1..count, or a text occurring more than once with no `occurrence` is
    refused (attack16: each was a row matching nothing, or the first occurrence, and the figures
    moved with exit 0)."""
    needle, occurrence = item.get(needle_key), item.get("occurrence")
    if needle is None:
        return None
    where = f"{key}[{number}]"
    needle_line = lines.of_key(item, needle_key) if lines is not None else None
    occurrence_line = (lines.of_key(item, "occurrence") if lines is not None else None) or needle_line
    if not isinstance(needle, str) or not needle:
        raise BuildError(path, f"{where}.{needle_key}: non-empty text expected, not {short(needle)}", needle_line, check="wrong-type")
    if occurrence is not None and (isinstance(occurrence, bool) or not isinstance(occurrence, int)):
        raise BuildError(path, f"{where}.occurrence: a whole number expected, not {short(occurrence)}", occurrence_line, check="wrong-type")
    starts = occurrences(text, needle)
    if not starts:
        raise BuildError(path, f"{where}.{needle_key} {short(needle)} not found in the article", needle_line, check="span-not-found")
    if occurrence is None and len(starts) > 1:
        raise BuildError(path, f"{where}.{needle_key} {short(needle)} occurs {len(starts)} times; add occurrence: 1..{len(starts)}",
                         needle_line, check="span-ambiguous")
    index = (1 if occurrence is None else occurrence) - 1
    if not 0 <= index < len(starts):
        raise BuildError(path, f"{where}.occurrence: {occurrence} but {short(needle)} occurs {counted(len(starts), 'time')}",
                         occurrence_line, check="span-not-found")
    return starts[index], starts[index] + len(needle)
